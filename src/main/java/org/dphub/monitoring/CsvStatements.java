package org.dphub.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.web.FileProblem;

/**
 * Reads a CSV statement with a header row, line by line (a million lines never sit in memory),
 * handing each good line on and collecting every bad one with its line number. Columns are found
 * by name: the generic layout's {@code date, description, amount, transaction_id}, or the names
 * a saved {@link CsvMapping} gives for a bank's or card provider's own export.
 */
public final class CsvStatements {

    /** More than this many problems are summed up in one last message. */
    static final int MAX_ERRORS = 100;
    static final long LARGEST_PENCE = 100_000_000L;

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)£?(\\d{1,9})(?:\\.(\\d{1,2}))?");

    private CsvStatements() {
    }

    /**
     * Reads the whole file. Each good line goes to {@code each}; if any line is bad, a
     * {@link FileProblem} listing them is thrown at the end (the caller's transaction undoes
     * whatever it did with the good ones). Returns the number of transactions read.
     */
    public static int read(InputStream in, CsvMapping mapping, boolean providerFile, Consumer<StatementLine> each) {
        List<FileProblem.LineError> errors = new ArrayList<>();
        int[] extraErrors = {0};
        int count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            LineReader lines = new LineReader(reader);
            List<String> header = lines.next();
            if (header == null) {
                throw FileProblem.of(0, "The file is empty. Export the statement again and choose CSV.");
            }
            if (!header.isEmpty()) {
                header.set(0, header.get(0).replace("\uFEFF", ""));
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            int date = column(columns, mapping.date(), errors);
            int description = column(columns, mapping.description(), errors);
            int amount = column(columns, mapping.amount(), errors);
            Integer transactionId = mapping.transactionId() == null ? null
                    : columns.get(mapping.transactionId().toLowerCase(Locale.ROOT));
            int account = providerFile ? column(columns, mapping.account(), errors) : -1;
            if (!errors.isEmpty()) {
                throw new FileProblem(errors);
            }
            List<String> fields;
            while ((fields = lines.next()) != null) {
                int line = lines.lineNumber();
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue; // an empty line, often the last one
                }
                String problem = null;
                StatementLine read = null;
                if (fields.size() != header.size()) {
                    problem = "This line has " + fields.size() + " values but the header has " + header.size()
                            + ". Check for a comma inside a value that is not in quotes.";
                } else {
                    String[] issue = new String[1];
                    LocalDate when = date(fields.get(date).strip(), issue);
                    Long pence = issue[0] == null ? pence(fields.get(amount).strip(), issue) : null;
                    String what = fields.get(description).strip();
                    if (issue[0] == null && what.isEmpty()) {
                        issue[0] = "The description is empty.";
                    } else if (issue[0] == null && what.length() > 500) {
                        issue[0] = "The description is longer than 500 characters.";
                    } else if (issue[0] == null && what.chars().anyMatch(c -> c < 32)) {
                        issue[0] = "The description has control characters in it.";
                    }
                    String id = transactionId == null ? null : blankToNull(fields.get(transactionId).strip());
                    if (issue[0] == null && id != null && id.length() > 100) {
                        issue[0] = "The transaction id is longer than 100 characters.";
                    }
                    String ref = account < 0 ? null : fields.get(account).strip();
                    if (issue[0] == null && account >= 0 && ref.isEmpty()) {
                        issue[0] = "The account is empty.";
                    }
                    problem = issue[0];
                    if (problem == null) {
                        read = new StatementLine(line, ref, when, what, pence, id);
                    }
                }
                if (problem != null) {
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(new FileProblem.LineError(line, problem));
                    } else {
                        extraErrors[0]++;
                    }
                } else if (errors.isEmpty()) {
                    each.accept(read);
                    count++;
                } else {
                    count++; // nothing more is handed on once a line is bad: the file is refused
                }
            }
        } catch (CharacterCodingException notText) {
            throw FileProblem.of(0, "This is not a text file. Export the statement as CSV (UTF-8) and try again.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (extraErrors[0] > 0) {
            errors.add(new FileProblem.LineError(0, "And " + extraErrors[0] + " more lines with problems."));
        }
        if (!errors.isEmpty()) {
            throw new FileProblem(errors);
        }
        if (count == 0) {
            throw FileProblem.of(0, "The file has a header row but no transactions.");
        }
        return count;
    }

    private static int column(Map<String, Integer> columns, String name, List<FileProblem.LineError> errors) {
        Integer index = columns.get(name.toLowerCase(Locale.ROOT));
        if (index == null) {
            errors.add(new FileProblem.LineError(1, "The header row has no \"" + name + "\" column."));
            return -1;
        }
        return index;
    }

    static LocalDate date(String text, String[] issue) {
        Matcher iso = ISO_DATE.matcher(text);
        Matcher uk = UK_DATE.matcher(text);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            if (uk.matches()) {
                return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)));
            }
        } catch (DateTimeException e) {
            issue[0] = "The date " + text + " is not a real date.";
            return null;
        }
        issue[0] = text.isEmpty() ? "The date is empty." : "The date " + text + " is not a date like 2026-03-27 or 27/03/2026.";
        return null;
    }

    static Long pence(String text, String[] issue) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            if (text.isEmpty()) {
                issue[0] = "The amount is empty.";
            } else if (text.matches("[+-]?£?\\d+\\.\\d{3,}")) {
                issue[0] = "The amount " + text + " has more than 2 numbers after the decimal point.";
            } else if (text.contains(",")) {
                issue[0] = "The amount " + text + " has a comma. Write amounts like 1000.00 or -12.50.";
            } else {
                issue[0] = "The amount " + text + " is not an amount like 12.50, or -12.50 for money out.";
            }
            return null;
        }
        String decimals = m.group(3) == null ? "" : m.group(3);
        long pence = Long.parseLong(m.group(2)) * 100 + (decimals.isEmpty() ? 0 : Long.parseLong((decimals + "0").substring(0, 2)));
        if (pence == 0) {
            issue[0] = "The amount is 0.";
            return null;
        }
        if (pence > LARGEST_PENCE) {
            issue[0] = "The amount " + text + " is more than £1,000,000.00.";
            return null;
        }
        return "-".equals(m.group(1)) ? -pence : pence;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** RFC 4180 records: quoted values may hold commas, doubled quotes and line breaks. */
    static final class LineReader {
        private final BufferedReader reader;
        private int line;
        private int recordStart;

        LineReader(BufferedReader reader) {
            this.reader = reader;
        }

        /** The line the last record started on (1 is the header). */
        int lineNumber() {
            return recordStart;
        }

        List<String> next() throws IOException {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
            recordStart = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= text.length()) {
                    if (quoted) {
                        String more = reader.readLine();
                        if (more == null) {
                            break; // an unclosed quote: what there is stands as the value
                        }
                        line++;
                        field.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    break;
                }
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
                i++;
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
