package org.dphub.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.payments.internal.BankDetailsRepository;
import org.dphub.payments.internal.PaymentRunRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files finance sends to the bank once a run is approved: an ISO 20022 customer credit
 * transfer initiation ({@code pain.001.001.03}), one payment information block for each day
 * payments are made (each payment on its own due date) with a credit transfer per payment, and a CSV of the same payments for checking and the finance
 * system. Both stream straight from the database, so a national run never sits in memory, and
 * both are the same every time they are downloaded (their date and time are the approval's).
 */
@Service
public class BankFiles {

    static final String PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    /** The UK clearing system (sort codes) in ISO 20022's external code list. */
    static final String UK_SORT_CODE_SCHEME = "GBDSC";

    private final PaymentRunRepository runs;
    private final BankDetailsRepository bankDetails;
    private final Councils councils;

    BankFiles(PaymentRunRepository runs, BankDetailsRepository bankDetails, Councils councils) {
        this.runs = runs;
        this.bankDetails = bankDetails;
        this.councils = councils;
    }

    /** What the file is about: checked before anything is written, so a refusal is a clear error, not half a file. */
    public record Ready(PaymentRun run, Council council, BankDetails from) {

        public String baseName() {
            return "payment-run-" + council.code() + "-" + run.paymentDate() + "-" + run.id();
        }
    }

    /** Checks that this finance officer may have the run's files and that they can be made. */
    @Transactional(readOnly = true)
    public Ready ready(SignedInUser finance, long runId) {
        if (!finance.has(Role.FINANCE)) {
            throw new AccessDeniedException("Only finance officers download bank files");
        }
        PaymentRun run = runs.find(runId).filter(r -> finance.isStaffOf(r.councilId())).orElseThrow(NotFound::new);
        if (run.status() != PaymentRunStatus.APPROVED) {
            throw new Conflict("The bank file is made once a second finance officer has approved the run. This run is "
                    + run.status() + ".");
        }
        if (run.paymentsCount() == 0) {
            throw new Conflict("This run has no payments, so there is no bank file to send.");
        }
        BankDetails from = bankDetails.councilAccount(run.councilId(), BankAccounts.CouncilAccount.COUNCIL_ACCOUNT.name()).orElseThrow(() -> new Conflict(
                "Record the council's bank account (the one payments are made from) before downloading the bank file."));
        Council council = councils.findById(run.councilId()).orElseThrow();
        return new Ready(run, council, from);
    }

    /** Writes the run's pain.001.001.03 file. */
    @Transactional(readOnly = true)
    public void writePain001(Ready ready, OutputStream out) {
        PaymentRun run = ready.run();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(PAIN_001);
            xml.writeStartElement("CstmrCdtTrfInitn");

            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", "DPHUB-" + run.councilId() + "-" + run.id());
            text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    run.approvedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0)));
            text(xml, "NbOfTxs", Integer.toString(run.paymentsCount()));
            text(xml, "CtrlSum", pounds(run.total().pence()));
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", ready.council().name());
            xml.writeEndElement();
            xml.writeEndElement();

            // one payment information block per day payments are made (issue 14): each payment on its own
            // due date, so a run for a later date pays nobody late (or on the approval day if that had passed)
            java.util.Iterator<PayDayTotal> days = runs.totalsByPayDate(run.id()).iterator();
            java.time.LocalDate[] open = {null};
            runs.forEachPayment(run.id(), p -> {
                try {
                    if (!p.payOn().equals(open[0])) {
                        if (open[0] != null) {
                            xml.writeEndElement(); // PmtInf
                        }
                        PayDayTotal day = days.next();
                        if (!day.day().equals(p.payOn())) {
                            throw new IllegalStateException("Payments and their days disagree for run " + run.id());
                        }
                        paymentInformation(xml, ready, day);
                        open[0] = p.payOn();
                    }
                    xml.writeStartElement("CdtTrfTxInf");
                    xml.writeStartElement("PmtId");
                    text(xml, "InstrId", p.instructionId());
                    text(xml, "EndToEndId", p.toProvider() ? "DPHUB-PROV-" + p.paymentId() : "DP" + p.accountId() + "-" + p.paymentId());
                    xml.writeEndElement();
                    xml.writeStartElement("Amt");
                    xml.writeStartElement("InstdAmt");
                    xml.writeAttribute("Ccy", "GBP");
                    xml.writeCharacters(pounds(p.amountPence()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                    agent(xml, "CdtrAgt", p.payee());
                    xml.writeStartElement("Cdtr");
                    text(xml, "Nm", p.payee().accountName());
                    xml.writeEndElement();
                    account(xml, "CdtrAcct", p.payee());
                    xml.writeStartElement("RmtInf");
                    text(xml, "Ustrd", p.reference());
                    xml.writeEndElement();
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (open[0] != null) {
                xml.writeEndElement(); // PmtInf
            }
            xml.writeEndElement(); // CstmrCdtTrfInitn
            xml.writeEndElement(); // Document
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the bank file", e);
        }
    }

    private static void paymentInformation(XMLStreamWriter xml, Ready ready, PayDayTotal day) throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", "RUN-" + ready.run().id() + "-" + day.day());
        text(xml, "PmtMtd", "TRF");
        text(xml, "BtchBookg", "false");
        text(xml, "NbOfTxs", Integer.toString(day.count()));
        text(xml, "CtrlSum", pounds(day.total().pence()));
        text(xml, "ReqdExctnDt", day.day().toString());
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", ready.council().name());
        xml.writeEndElement();
        account(xml, "DbtrAcct", ready.from());
        agent(xml, "DbtrAgt", ready.from());
        text(xml, "ChrgBr", "SLEV");
    }

    /** Writes the same payments as CSV, one line each, with the account type and what the payment is for. */
    @Transactional(readOnly = true)
    public void writeCsv(Ready ready, Writer out) {
        try {
            out.write("payment_id,account_id,account_type,payee_name,sort_code,account_number,reference,due_date,pay_on,amount,what_for\r\n");
            runs.forEachPayment(ready.run().id(), p -> {
                try {
                    out.write(p.instructionId() + "," + (p.toProvider() ? "" : Long.toString(p.accountId())) + ","
                            + (p.toProvider() ? "PROVIDER" : p.accountType().name()) + ","
                            + Csv.field(p.payee().accountName()) + "," + p.payee().sortCodeForPeople() + ","
                            + p.payee().accountNumber() + "," + Csv.field(p.reference()) + "," + p.dueDate() + "," + p.payOn() + ","
                            + pounds(p.amountPence()) + "," + (p.toProvider() ? "PROVIDER"
                                    : p.idempotencyKey().startsWith("one-off:") ? "ONE_OFF" : "REGULAR")
                            + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.write("TOTAL,,,,,,,,," + pounds(ready.run().total().pence()) + "," + ready.run().paymentsCount() + " payments\r\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A provider's remittance for a run (issue 15): each person's part by its reference (the
     * provider's own invoice reference, or a group member's reference: never a person's name), the
     * payment's reference as the bank shows it, and the total.
     */
    public void writeRemittanceCsv(PaymentRuns.Remittance remittance, String bankReference, Writer out) {
        try {
            out.write("payment_reference,pay_on,part_reference,description,charged_on,amount\r\n");
            for (ProviderPayout.Part part : remittance.parts()) {
                out.write(Csv.field(bankReference) + "," + remittance.payout().payOn() + "," + Csv.field(part.reference()) + ","
                        + Csv.field(part.description()) + "," + part.chargedOn() + "," + pounds(part.amount().pence()) + "\r\n");
            }
            out.write("TOTAL,,,,," + pounds(remittance.payout().amount().pence()) + "\r\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference the provider's bank shows for a payout: the provider's own, else "DPHUB REMIT {id}" (as in the bank file). */
    @Transactional(readOnly = true)
    public String providerReference(ProviderPayout payout) {
        return bankDetails.providerAccount(payout.organizationId()).map(BankDetails::reference).filter(r -> r != null)
                .orElse("DPHUB REMIT " + payout.id());
    }

    static String pounds(long pence) {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, BankDetails details) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        xml.writeStartElement("Othr");
        text(xml, "Id", details.accountNumber());
        xml.writeEndElement();
        xml.writeEndElement();
        text(xml, "Ccy", "GBP");
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, BankDetails details) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        xml.writeStartElement("ClrSysMmbId");
        xml.writeStartElement("ClrSysId");
        text(xml, "Cd", UK_SORT_CODE_SCHEME);
        xml.writeEndElement();
        text(xml, "MmbId", details.sortCode());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** CSV fields: quoted when needed, and never read as a formula by a spreadsheet. */
    static final class Csv {
        private Csv() {
        }

        static String field(String value) {
            if (value == null) {
                return "";
            }
            String text = value;
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.contains("'")) {
                return "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }
    }
}
