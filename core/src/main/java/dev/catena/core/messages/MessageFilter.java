package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which messages of a list to keep, by kind, name and id (LangChain's {@code filter_messages}). A
 * message is kept when it matches no exclusion and, if any inclusion is given, at least one
 * inclusion. Immutable: every setting returns a new filter.
 *
 * <pre>{@code
 * List<ChatMessage> kept = MessageFilter.all()
 *         .includeRoles(ChatMessage.Role.USER, ChatMessage.Role.AI)
 *         .excludeIds("draft-1")
 *         .apply(messages);
 * }</pre>
 *
 * @param includeRoles kinds to keep (empty: no inclusion by kind)
 * @param excludeRoles kinds to drop
 * @param includeNames names to keep (empty: no inclusion by name)
 * @param excludeNames names to drop
 * @param includeIds   ids to keep (empty: no inclusion by id)
 * @param excludeIds   ids to drop
 */
public record MessageFilter(Set<ChatMessage.Role> includeRoles, Set<ChatMessage.Role> excludeRoles,
                            Set<String> includeNames, Set<String> excludeNames,
                            Set<String> includeIds, Set<String> excludeIds) implements Predicate<ChatMessage> {

    /**
     * Copies the sets (null means empty).
     *
     * @param includeRoles kinds to keep (empty: no inclusion by kind)
     * @param excludeRoles kinds to drop
     * @param includeNames names to keep (empty: no inclusion by name)
     * @param excludeNames names to drop
     * @param includeIds   ids to keep (empty: no inclusion by id)
     * @param excludeIds   ids to drop
     */
    public MessageFilter {
        includeRoles = includeRoles == null ? Set.of() : Set.copyOf(includeRoles);
        excludeRoles = excludeRoles == null ? Set.of() : Set.copyOf(excludeRoles);
        includeNames = includeNames == null ? Set.of() : Set.copyOf(includeNames);
        excludeNames = excludeNames == null ? Set.of() : Set.copyOf(excludeNames);
        includeIds = includeIds == null ? Set.of() : Set.copyOf(includeIds);
        excludeIds = excludeIds == null ? Set.of() : Set.copyOf(excludeIds);
    }

    /**
     * A filter that keeps everything, to narrow down from.
     *
     * @return a filter with no conditions
     */
    public static MessageFilter all() {
        return new MessageFilter(null, null, null, null, null, null);
    }

    /**
     * Also keeps messages of these kinds.
     *
     * @param roles the roles to keep
     * @return a copy with these roles added to {@link #includeRoles()}
     */
    public MessageFilter includeRoles(ChatMessage.Role... roles) {
        return new MessageFilter(plus(includeRoles, roles), excludeRoles, includeNames, excludeNames, includeIds, excludeIds);
    }

    /**
     * Drops messages of these kinds.
     *
     * @param roles the roles to drop
     * @return a copy with these roles added to {@link #excludeRoles()}
     */
    public MessageFilter excludeRoles(ChatMessage.Role... roles) {
        return new MessageFilter(includeRoles, plus(excludeRoles, roles), includeNames, excludeNames, includeIds, excludeIds);
    }

    /**
     * Also keeps messages with these names.
     *
     * @param names the names to keep
     * @return a copy with these names added to {@link #includeNames()}
     */
    public MessageFilter includeNames(String... names) {
        return new MessageFilter(includeRoles, excludeRoles, plus(includeNames, names), excludeNames, includeIds, excludeIds);
    }

    /**
     * Drops messages with these names.
     *
     * @param names the names to drop
     * @return a copy with these names added to {@link #excludeNames()}
     */
    public MessageFilter excludeNames(String... names) {
        return new MessageFilter(includeRoles, excludeRoles, includeNames, plus(excludeNames, names), includeIds, excludeIds);
    }

    /**
     * Also keeps messages with these ids.
     *
     * @param ids the ids to keep
     * @return a copy with these ids added to {@link #includeIds()}
     */
    public MessageFilter includeIds(String... ids) {
        return new MessageFilter(includeRoles, excludeRoles, includeNames, excludeNames, plus(includeIds, ids), excludeIds);
    }

    /**
     * Drops messages with these ids.
     *
     * @param ids the ids to drop
     * @return a copy with these ids added to {@link #excludeIds()}
     */
    public MessageFilter excludeIds(String... ids) {
        return new MessageFilter(includeRoles, excludeRoles, includeNames, excludeNames, includeIds, plus(excludeIds, ids));
    }

    /** Whether the message is kept. */
    @Override
    public boolean test(ChatMessage m) {
        if (excludeRoles.contains(m.role()) || m.name().filter(excludeNames::contains).isPresent()
                || m.id().filter(excludeIds::contains).isPresent()) {
            return false;
        }
        boolean anyInclusion = !includeRoles.isEmpty() || !includeNames.isEmpty() || !includeIds.isEmpty();
        return !anyInclusion || includeRoles.contains(m.role())
                || m.name().filter(includeNames::contains).isPresent()
                || m.id().filter(includeIds::contains).isPresent();
    }

    /**
     * The messages kept, in order.
     *
     * @param messages the messages to filter
     * @return a new list of the messages this filter keeps
     */
    public List<ChatMessage> apply(List<? extends ChatMessage> messages) {
        List<ChatMessage> kept = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (test(m)) {
                kept.add(m);
            }
        }
        return kept;
    }

    @SafeVarargs
    private static <T> Set<T> plus(Set<T> set, T... more) {
        List<T> all = new ArrayList<>(set);
        all.addAll(Arrays.asList(more));
        return Set.copyOf(all);
    }
}
