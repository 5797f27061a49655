package dev.catena.evaluation;

/** A similarity of two strings in [0, 1], 1 meaning equal. */
public enum StringDistance {
    /** One minus the Levenshtein edit distance divided by the longer length (two empty strings: 1). */
    LEVENSHTEIN {
        @Override
        public double similarity(String a, String b) {
            int longer = Math.max(a.length(), b.length());
            return longer == 0 ? 1 : 1 - (double) levenshtein(a, b) / longer;
        }
    },
    /** Jaro-Winkler similarity, with the usual prefix scale 0.1 over at most four characters. */
    JARO_WINKLER {
        @Override
        public double similarity(String a, String b) {
            double jaro = jaro(a, b);
            int prefix = 0;
            while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
                prefix++;
            }
            return jaro + prefix * 0.1 * (1 - jaro);
        }
    };

    /**
     * {@return the similarity, in [0, 1]}
     *
     * @param a one string
     * @param b the other
     */
    public abstract double similarity(String a, String b);

    /**
     * {@return the number of single-character insertions, deletions and substitutions turning a into b}
     *
     * @param a one string
     * @param b the other
     */
    public static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static double jaro(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.length(), i + window + 1); j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        return (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
    }
}
