package org.jobsearch.tracker.transfer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jobsearch.events.ApplicationStatus;
import org.jobsearch.events.WorkSetting;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a spreadsheet of applications (CSV, the first line naming the columns) the way people keep them: columns in
 * any order under several names ({@code Company}, {@code Job Title}, {@code Date Applied}, ...), quoted cells with
 * commas and line breaks, blank rows, dates as {@code 2025-01-31}, {@code 1/31/2025}, {@code Jan 31, 2025} or a
 * timestamp, salaries as {@code $120,000}, {@code 120k} or a range {@code 120k - 150k}. Each row is accepted or
 * rejected with every reason; the columns it does not know are reported, not guessed.
 */
public final class ApplicationsCsv {

    /** What the importer reads; {@link #HEADERS} are the names export writes. */
    enum Column {
        COMPANY, TITLE, EXTERNAL_ID, SOURCE, ROLE, SPECIALIZATION, LEVEL, LOCATION, WORK_SETTING, MIN_YEARS,
        SALARY, MIN_SALARY, MAX_SALARY, DESIRED_SALARY, APPLIED, STATUS, STATUS_DATE
    }

    /** Most data rows one import takes. */
    public static final int MAX_ROWS = 5000;

    /** The columns export writes, in order; import reads them back. */
    public static final List<String> HEADERS = List.of("Company", "Title", "External ID", "Source", "Role",
            "Specialization", "Level", "Location", "Work Setting", "Min Years", "Min Salary", "Max Salary",
            "Desired Salary", "Applied At", "Status", "Status Date", "Outcome", "Outcome Date");

    private static final Map<String, Column> ALIASES = new LinkedHashMap<>();

    static {
        alias(Column.COMPANY, "company", "companyname", "employer");
        alias(Column.TITLE, "title", "jobtitle", "listingjobtitle", "position", "positiontitle");
        alias(Column.EXTERNAL_ID, "externalid", "externaljobid", "jobid", "reqid", "requisitionid", "requisition");
        alias(Column.SOURCE, "source", "foundvia", "channel");
        alias(Column.ROLE, "role");
        alias(Column.SPECIALIZATION, "specialization");
        alias(Column.LEVEL, "level", "seniority");
        alias(Column.LOCATION, "location", "city");
        alias(Column.WORK_SETTING, "worksetting", "workmode", "remote", "onsiteremote");
        alias(Column.MIN_YEARS, "minyears", "minexperienceyears", "yearsofexperience", "experience");
        alias(Column.SALARY, "salary", "salaryrange");
        alias(Column.MIN_SALARY, "minsalary", "salarymin");
        alias(Column.MAX_SALARY, "maxsalary", "salarymax");
        alias(Column.DESIRED_SALARY, "desiredsalary", "desiredsalarymin", "askingsalary");
        alias(Column.APPLIED, "applied", "applieddate", "dateapplied", "appliedat", "appliedon", "date");
        alias(Column.STATUS, "status", "state", "applicationstatus");
        alias(Column.STATUS_DATE, "statusdate", "statuschangedat", "responsedate");
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d", Locale.US),
            // US order, as the reference's users keep it
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US),
            new DateTimeFormatterBuilder().appendPattern("M/d/").appendValueReduced(
                    java.time.temporal.ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d, uuuu").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, uuuu").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.US));
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.US),
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.US));
    private static final Pattern SNAKE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern MONEY = Pattern.compile("\\$?\\s*(\\d+(?:[.,]\\d+)*)\\s*([kK])?");

    private ApplicationsCsv() {
    }

    /** The outcome of reading a file. */
    public record Parsed(List<ImportRow> accepted, List<RejectedRow> rejected, List<String> ignoredColumns) {
    }

    /**
     * @param zone the user's zone: a date without time means its start there
     * @param now  no date may be later
     * @throws ImportRefusedException without a company and a title column, or with more than {@link #MAX_ROWS}
     */
    public static Parsed parse(Reader csv, ZoneId zone, Instant now) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            List<String> ignored = new ArrayList<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Column column = ALIASES.get(normalize(name));
                if (column == null || columns.containsKey(column)) {
                    if (name != null && !name.isBlank()) {
                        ignored.add(name);
                    }
                } else {
                    columns.put(column, i);
                }
            }
            if (!columns.containsKey(Column.COMPANY) || !columns.containsKey(Column.TITLE)) {
                throw new ImportRefusedException("the first line must name the columns, with at least Company and "
                        + "Title; it names " + names);
            }
            List<ImportRow> accepted = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            int rows = 0;
            for (CSVRecord record : parser) {
                if (blank(record)) {
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new ImportRefusedException("more than " + MAX_ROWS + " rows; split the file");
                }
                RowReader row = new RowReader(record, columns, zone, now);
                ImportRow read = row.read();
                if (row.reasons.isEmpty()) {
                    accepted.add(read);
                } else {
                    rejected.add(new RejectedRow(row.line, row.reasons));
                }
            }
            return new Parsed(List.copyOf(accepted), List.copyOf(rejected), List.copyOf(ignored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e instanceof ImportRefusedException refused) {
                throw refused;
            }
            throw new ImportRefusedException("not readable as CSV: " + e.getMessage());
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void alias(Column column, String... names) {
        for (String name : names) {
            ALIASES.put(name, column);
        }
    }

    private static String normalize(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Reads one record, collecting every reason it cannot be imported. */
    private static final class RowReader {

        private final CSVRecord record;
        private final Map<Column, Integer> columns;
        private final ZoneId zone;
        private final Instant now;
        private final long line;
        private final List<String> reasons = new ArrayList<>();

        RowReader(CSVRecord record, Map<Column, Integer> columns, ZoneId zone, Instant now) {
            this.record = record;
            this.columns = columns;
            this.zone = zone;
            this.now = now;
            // the header is line 1; a quoted line break makes a record span lines, so count records, not lines
            this.line = record.getRecordNumber() + 1;
        }

        ImportRow read() {
            String company = text(Column.COMPANY, 255, true);
            String title = text(Column.TITLE, 255, true);
            String externalId = text(Column.EXTERNAL_ID, 64, false);
            String source = snake(Column.SOURCE, 50);
            String role = snake(Column.ROLE, 64);
            String specialization = text(Column.SPECIALIZATION, 128, false);
            String level = snake(Column.LEVEL, 32);
            String location = text(Column.LOCATION, 255, false);
            WorkSetting workSetting = workSetting();
            Integer minYears = whole(Column.MIN_YEARS, 0, 60);
            Integer[] range = salaryRange();
            Integer desired = money(Column.DESIRED_SALARY, value(Column.DESIRED_SALARY));
            Instant applied = instant(Column.APPLIED, "applied date");
            if (applied == null && value(Column.APPLIED) == null) {
                reasons.add("applied date: missing");
            }
            ApplicationStatus status = status();
            Instant statusAt = null;
            if (status != null && status != ApplicationStatus.NO_RESPONSE) {
                statusAt = instant(Column.STATUS_DATE, "status date");
                if (statusAt == null) {
                    statusAt = applied;
                } else if (applied != null && statusAt.isBefore(applied)) {
                    reasons.add("status date: before the applied date");
                }
            }
            return new ImportRow(line, company, title, externalId, source, role, specialization, level, location,
                    workSetting, minYears, range[0], range[1], desired, applied,
                    status == null ? ApplicationStatus.NO_RESPONSE : status, statusAt);
        }

        private String value(Column column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private String text(Column column, int max, boolean required) {
            String value = value(column);
            if (value == null) {
                if (required) {
                    reasons.add(label(column) + ": missing");
                }
                return null;
            }
            if (value.length() > max) {
                reasons.add(label(column) + ": longer than " + max + " characters");
            }
            return value;
        }

        /** "Company Site" → company_site; the platform's choice values are lower snake case. */
        private String snake(Column column, int max) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            String snake = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            if (!SNAKE.matcher(snake).matches() || snake.length() > max) {
                reasons.add(label(column) + ": '" + value + "' is not a usable value");
                return null;
            }
            return snake;
        }

        private WorkSetting workSetting() {
            String value = value(Column.WORK_SETTING);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
                case "onsite", "office", "inoffice", "inperson" -> WorkSetting.ON_SITE;
                case "hybrid" -> WorkSetting.HYBRID;
                case "remote" -> WorkSetting.REMOTE;
                default -> {
                    reasons.add("work setting: '" + value + "' is not on-site, hybrid or remote");
                    yield null;
                }
            };
        }

        private ApplicationStatus status() {
            String value = value(Column.STATUS);
            if (value == null) {
                return ApplicationStatus.NO_RESPONSE;
            }
            return switch (value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
                case "noresponse", "applied", "pending", "submitted", "waiting" -> ApplicationStatus.NO_RESPONSE;
                case "callback", "interview", "interviewing", "screen", "phonescreen" -> ApplicationStatus.CALLBACK;
                case "rejected", "rejection", "declined" -> ApplicationStatus.REJECTED;
                case "closed", "jobclosed", "filled", "withdrawn" -> ApplicationStatus.CLOSED;
                default -> {
                    reasons.add("status: '" + value + "' is not no response, callback, rejected or closed");
                    yield null;
                }
            };
        }

        private Integer whole(Column column, int min, int max) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value.replaceAll("\\+$", ""));
                if (number < min || number > max) {
                    reasons.add(label(column) + ": " + value + " is not between " + min + " and " + max);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                reasons.add(label(column) + ": '" + value + "' is not a whole number");
                return null;
            }
        }

        /** Min and max: from their own columns, else from a Salary column holding one amount or a range. */
        private Integer[] salaryRange() {
            Integer min = money(Column.MIN_SALARY, value(Column.MIN_SALARY));
            Integer max = money(Column.MAX_SALARY, value(Column.MAX_SALARY));
            String salary = value(Column.SALARY);
            if (salary != null && min == null && max == null) {
                String[] parts = salary.split("\\s*(?:-|–|—|\\bto\\b)\\s*");
                if (parts.length == 1) {
                    min = money(Column.SALARY, parts[0]);
                } else if (parts.length == 2) {
                    min = money(Column.SALARY, parts[0]);
                    max = money(Column.SALARY, parts[1]);
                } else {
                    reasons.add("salary: '" + salary + "' is not an amount or a range");
                }
            }
            if (min != null && max != null && min > max) {
                reasons.add("salary: the minimum " + min + " is above the maximum " + max);
            }
            return new Integer[]{min, max};
        }

        /** $120,000 / 120000 / 120k / 120 (below 1000: thousands, the reference's rule); whole USD. */
        private Integer money(Column column, String value) {
            if (value == null) {
                return null;
            }
            Matcher matcher = MONEY.matcher(value.strip());
            if (!matcher.matches()) {
                reasons.add(label(column) + ": '" + value + "' is not an amount");
                return null;
            }
            try {
                double amount = Double.parseDouble(matcher.group(1).replace(",", ""));
                if (matcher.group(2) != null || amount < 1000) {
                    amount *= 1000;
                }
                if (amount > 100_000_000) {
                    reasons.add(label(column) + ": '" + value + "' is too large");
                    return null;
                }
                return (int) Math.round(amount);
            } catch (NumberFormatException e) {
                reasons.add(label(column) + ": '" + value + "' is not an amount");
                return null;
            }
        }

        private Instant instant(Column column, String name) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            Instant instant = parseInstant(value, zone);
            if (instant == null) {
                reasons.add(name + ": '" + value + "' is not a date (use e.g. 2025-01-31, 1/31/2025 or Jan 31, 2025)");
                return null;
            }
            if (instant.isAfter(now)) {
                reasons.add(name + ": " + value + " is in the future");
                return null;
            }
            return instant;
        }

        private static String label(Column column) {
            return column.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** A date (start of day in {@code zone}), a local date-time (in {@code zone}) or an instant; null if none fits. */
    static Instant parseInstant(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a timestamp with offset
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(value, format).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }
}
