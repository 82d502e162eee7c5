package org.dphub.monitoring;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dphub.web.FileProblem;

/**
 * Reads an ISO 20022 camt.053 bank statement (any version: elements are matched by local name)
 * as a stream. A document type declaration is refused outright — no DTDs, no external entities,
 * so neither "billion laughs" nor a file that reads the server's disk can get in. Each {@code Ntry}
 * becomes a transaction: its booking date, its amount (negative when {@code CdtDbtInd} is DBIT),
 * the first unstructured remittance text (or the additional entry information) as its
 * description, and the bank's reference ({@code AcctSvcrRef}, else {@code NtryRef}) as its id.
 */
public final class Camt053Statements {

    private Camt053Statements() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** Reads every entry; bad ones are listed (with the line they start on) in a {@link FileProblem} at the end. */
    public static int read(InputStream in, Consumer<StatementLine> each) {
        List<FileProblem.LineError> errors = new ArrayList<>();
        int count = 0;
        boolean sawStatement = false;
        XMLStreamReader xml = null;
        try {
            xml = secureFactory().createXMLStreamReader(in);
            Entry entry = null;
            StringBuilder text = new StringBuilder();
            List<String> path = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw FileProblem.of(xml.getLocation().getLineNumber(),
                            "The file has a document type declaration (DTD). Bank statements do not need one; it is refused for safety.");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw FileProblem.of(xml.getLocation().getLineNumber(), "The file uses an entity (&" + xml.getLocalName()
                            + ";). It is refused for safety.");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    path.add(name);
                    text.setLength(0);
                    if (name.equals("Stmt") || name.equals("BkToCstmrStmt")) {
                        sawStatement = true;
                    }
                    if (name.equals("Ntry")) {
                        entry = new Entry(xml.getLocation().getLineNumber());
                    } else if (entry != null && name.equals("Amt") && path.size() >= 2 && path.get(path.size() - 2).equals("Ntry")) {
                        entry.currency = xml.getAttributeValue(null, "Ccy");
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    String parent = path.size() >= 2 ? path.get(path.size() - 2) : "";
                    String value = text.toString().strip();
                    if (entry != null) {
                        switch (name) {
                            case "Amt" -> {
                                if (parent.equals("Ntry")) {
                                    entry.amount = value;
                                }
                            }
                            case "CdtDbtInd" -> {
                                if (parent.equals("Ntry")) {
                                    entry.direction = value;
                                }
                            }
                            case "Dt", "DtTm" -> {
                                if (path.size() >= 3 && path.get(path.size() - 3).equals("Ntry") && parent.equals("BookgDt")) {
                                    entry.date = value.length() >= 10 ? value.substring(0, 10) : value;
                                }
                            }
                            case "Ustrd" -> {
                                if (entry.description == null && !value.isEmpty()) {
                                    entry.description = value;
                                }
                            }
                            case "AddtlNtryInf" -> entry.additional = value;
                            case "AcctSvcrRef" -> {
                                if (parent.equals("Ntry")) {
                                    entry.reference = value;
                                }
                            }
                            case "NtryRef" -> entry.entryRef = value;
                            case "Ntry" -> {
                                String problem = entry.problem();
                                if (problem != null) {
                                    if (errors.size() < CsvStatements.MAX_ERRORS) {
                                        errors.add(new FileProblem.LineError(entry.line, problem));
                                    }
                                } else if (errors.isEmpty()) {
                                    each.accept(entry.toLine());
                                }
                                count++;
                                entry = null;
                            }
                            default -> {
                            }
                        }
                    }
                    path.remove(path.size() - 1);
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "The file has a document type declaration (DTD). Bank statements do not need one; it is refused for safety."
                    : "This is not a well-formed camt.053 XML file. Export the statement again.";
            throw FileProblem.of(line, message);
        } catch (java.util.MissingResourceException e) {
            // the JDK's parser fails to word some of its own errors (a control character inside a document
            // type declaration: key InvalidCharInDTD): the file is still one it cannot read
            int line = xml == null || xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
            throw FileProblem.of(line, e.getKey() != null && e.getKey().contains("DTD")
                    ? "The file has a document type declaration (DTD). Bank statements do not need one; it is refused for safety."
                    : "This is not a well-formed camt.053 XML file. Export the statement again.");
        }
        if (!errors.isEmpty()) {
            throw new FileProblem(errors);
        }
        if (!sawStatement) {
            throw FileProblem.of(0, "This XML file is not a camt.053 bank statement (it has no BkToCstmrStmt or Stmt).");
        }
        if (count == 0) {
            throw FileProblem.of(0, "The statement has no entries.");
        }
        return count;
    }

    private static final class Entry {
        final int line;
        String amount;
        String currency;
        String direction;
        String date;
        String description;
        String additional;
        String reference;
        String entryRef;

        Entry(int line) {
            this.line = line;
        }

        String problem() {
            if (amount == null) {
                return "This entry has no amount (Amt).";
            }
            if (currency != null && !currency.equals("GBP")) {
                return "This entry is in " + currency + ". Only pounds (GBP) are taken.";
            }
            if (!"CRDT".equals(direction) && !"DBIT".equals(direction)) {
                return "This entry says neither CRDT nor DBIT (CdtDbtInd).";
            }
            String[] issue = new String[1];
            if (date == null) {
                return "This entry has no booking date (BookgDt).";
            }
            if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return "The booking date " + date + " is not a date like 2026-03-27.";
            }
            try {
                LocalDate.parse(date);
            } catch (DateTimeException e) {
                return "The booking date " + date + " is not a real date.";
            }
            Long pence = CsvStatements.pence(amount, issue);
            if (pence == null || pence < 0) {
                return issue[0] != null ? issue[0] : "The amount " + amount + " should not have a sign: CdtDbtInd says which way it went.";
            }
            String what = description();
            if (what == null) {
                return "This entry has no description (Ustrd or AddtlNtryInf).";
            }
            if (what.length() > 500) {
                return "The description is longer than 500 characters.";
            }
            return null;
        }

        String description() {
            return description != null ? description : (additional == null || additional.isEmpty() ? null : additional);
        }

        StatementLine toLine() {
            long pence = CsvStatements.pence(amount, new String[1]);
            String id = reference != null && !reference.isEmpty() ? reference : (entryRef == null || entryRef.isEmpty() ? null : entryRef);
            return new StatementLine(line, null, LocalDate.parse(date), description(), "DBIT".equals(direction) ? -pence : pence,
                    id == null || id.length() > 100 ? null : id);
        }
    }
}
