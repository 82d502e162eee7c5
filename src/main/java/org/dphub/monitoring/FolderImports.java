package org.dphub.monitoring;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FileProblem;
import org.dphub.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Statements that arrive as files (a bank's or card provider's overnight drop) are imported
 * without anyone doing anything: {@code {DPHUB_IMPORT_DIR}/{council code}/incoming/} is read every
 * few minutes. {@code account-{id}.csv} or {@code account-{id}.xml} (camt.053) is one account's
 * statement; any other {@code .csv} is a provider's file with an account column. Each file moves
 * to {@code done/} with a {@code .result.txt}, or to {@code failed/} with a {@code .errors.txt}
 * that lists every bad line — whole or nothing, as on the page.
 */
@Service
public class FolderImports {

    private static final Logger log = LoggerFactory.getLogger(FolderImports.class);
    private static final Pattern ONE_ACCOUNT = Pattern.compile("account-(\\d{1,18})\\.(csv|xml)", Pattern.CASE_INSENSITIVE);

    private final TransactionImports imports;
    private final Councils councils;

    FolderImports(TransactionImports imports, Councils councils) {
        this.imports = imports;
        this.councils = councils;
    }

    /** What happened to each file: its name and "imported N, duplicates M" or the errors. */
    public record Outcome(String file, boolean imported, String summary) {
    }

    /** Reads every council's incoming folder under {@code root} once. */
    public List<Outcome> importFrom(Path root) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Council council : councils.all()) {
            Path incoming = root.resolve(council.code()).resolve("incoming");
            if (!Files.isDirectory(incoming)) {
                continue;
            }
            SignedInUser finance = new SignedInUser(0, "folder-import@" + council.code(), "Folder import", council.id(), council.code(),
                    EnumSet.of(Role.FINANCE), "en", false);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming, "*.{csv,xml,CSV,XML}")) {
                for (Path file : files) {
                    outcomes.add(importFile(finance, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outcomes;
    }

    private Outcome importFile(SignedInUser finance, Path file) {
        String name = file.getFileName().toString();
        Matcher single = ONE_ACCOUNT.matcher(name);
        String summary;
        boolean ok;
        try (InputStream in = Files.newInputStream(file)) {
            TransactionImports.Result result;
            if (single.matches()) {
                StatementFormat format = single.group(2).equalsIgnoreCase("xml") ? StatementFormat.CAMT_053 : StatementFormat.CSV;
                result = imports.importStatement(finance, Long.parseLong(single.group(1)), format, null, name, in);
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                result = imports.importProviderFile(finance, StatementFormat.CSV, null, name, in);
            } else {
                throw FileProblem.of(0, "A camt.053 file must be named account-{number}.xml, so we know whose statement it is.");
            }
            summary = "Imported " + result.imported() + " transactions; " + result.duplicates() + " were here already.";
            ok = true;
        } catch (FileProblem refused) {
            StringBuilder errors = new StringBuilder("Nothing was imported. Fix these and put the whole file back in incoming:\n");
            refused.errors().forEach(e -> errors.append(e.line() > 0 ? "Line " + e.line() + ": " : "").append(e.message()).append('\n'));
            summary = errors.toString();
            ok = false;
        } catch (NotFound notTheCouncils) {
            summary = "Nothing was imported: account " + single.group(1) + " is not one of this council's accounts.";
            ok = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path target = Files.createDirectories(file.getParent().resolveSibling(ok ? "done" : "failed"));
            Files.move(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolve(name + (ok ? ".result.txt" : ".errors.txt")), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Folder import of {} for {}: {}", name, finance.councilCode(), ok ? summary : "refused");
        return new Outcome(name, ok, summary);
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        /** Every few minutes, on one instance at a time (db-scheduler), when DPHUB_IMPORT_DIR is set. */
        @Bean
        @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${dphub.monitoring.import-dir:}' != ''")
        RecurringTask<Void> folderImportTask(FolderImports folders, @Value("${dphub.monitoring.import-dir:}") String dir,
                                             @Value("${dphub.monitoring.import-every:5m}") Duration every) {
            return Tasks.recurring("statement-folder-import", FixedDelay.of(every))
                    .execute((instance, context) -> folders.importFrom(Path.of(dir)));
        }
    }
}
