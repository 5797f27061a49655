package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A date-time written in a given pattern ({@link DateTimeFormatter} letters), as LangChain's
 * {@code DatetimeOutputParser}. The default pattern is LangChain's default,
 * {@code %Y-%m-%dT%H:%M:%S.%fZ}, in Java letters. Fields the pattern leaves out default to the
 * start (a date-only pattern gives midnight).
 *
 * <p>Unlike LangChain, the examples in the format instructions are fixed rather than random, so the
 * same parser always produces the same prompt (which keeps prompt caches and tests stable).
 */
public final class DatetimeOutputParser implements OutputParser<LocalDateTime> {

    /** LangChain's default format, {@code %Y-%m-%dT%H:%M:%S.%fZ}. */
    public static final String DEFAULT_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'";

    private static final List<LocalDateTime> EXAMPLES = List.of(
            LocalDateTime.of(2023, 7, 4, 14, 30, 0),
            LocalDateTime.of(1999, 12, 31, 23, 59, 59, 500_000_000),
            LocalDateTime.of(2031, 1, 15, 8, 5, 9, 123_456_000));

    private final String pattern;
    private final DateTimeFormatter formatter;

    /** A parser for LangChain's default pattern, {@value #DEFAULT_PATTERN}. */
    public DatetimeOutputParser() {
        this(DEFAULT_PATTERN);
    }

    /**
     * @param pattern a {@link DateTimeFormatter} pattern
     * @throws IllegalArgumentException if the pattern is not a valid {@link DateTimeFormatter} pattern
     */
    public DatetimeOutputParser(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        // No parseDefaulting here: an injected HOUR_OF_DAY 0 conflicts with a 12-hour clock
        // ("hh:mm a") and an injected month/day with a day-of-year ("DDD"); missing fields are
        // filled in after the parsed ones are resolved.
        this.formatter = new DateTimeFormatterBuilder()
                .appendPattern(pattern)
                .toFormatter(Locale.ROOT);
    }

    @Override
    public LocalDateTime parse(String text) {
        try {
            TemporalAccessor parsed = formatter.parse(text.strip());
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date == null) {
                date = LocalDate.of(parsed.get(ChronoField.YEAR), field(parsed, ChronoField.MONTH_OF_YEAR),
                        Math.max(1, field(parsed, ChronoField.DAY_OF_MONTH)));
            }
            LocalTime time = parsed.query(TemporalQueries.localTime());
            return date.atTime(time != null ? time : LocalTime.MIDNIGHT);
        } catch (DateTimeException e) {
            throw new OutputParserException("could not read a date-time: " + e.getMessage(), text,
                    "a date-time in the pattern " + pattern, e);
        }
    }

    /** The field's value, or the start of its range (month 1, day 1) when the pattern left it out. */
    private static int field(TemporalAccessor parsed, TemporalField field) {
        return parsed.isSupported(field) ? parsed.get(field) : (int) field.range().getMinimum();
    }

    @Override
    public String formatInstructions() {
        String examples = EXAMPLES.stream().map(formatter::format).collect(Collectors.joining(", "));
        return "Write a date-time that matches the pattern '" + pattern + "'.\n\nExamples: " + examples
                + "\n\nReply with only that string and no other words.";
    }

    @Override
    public String name() {
        return "DatetimeOutputParser";
    }
}
