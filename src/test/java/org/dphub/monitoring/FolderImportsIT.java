package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files dropped in a council's incoming folder are imported by themselves, or refused with a report. */
@IntegrationTest
class FolderImportsIT {

    @LocalServerPort
    int port;
    @Autowired
    FolderImports folders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void goodFilesAreImportedAndBadOnesRefusedWithTheirLines(@TempDir Path root) throws Exception {
        long account = new MoneyApi(new Http(port)).activeWeekly("practitioner@demo-wales", "Gethin", LocalDate.now().minusWeeks(1),
                "BANK_ACCOUNT", 5_000, "cy").accountId();
        Path incoming = Files.createDirectories(root.resolve("demo-wales").resolve("incoming"));
        Files.writeString(incoming.resolve("account-" + account + ".csv"), "date,description,amount\n2026-11-10,Market,-6.40\n");
        Files.writeString(incoming.resolve("provider-2026-11-11.csv"), "account,date,description,amount,transaction_id\n"
                + account + ",2026-11-11,Bakery,-2.10,FOLDER-1\n");
        Files.writeString(incoming.resolve("broken.csv"), "account,date,description,amount\n" + account + ",2026-13-01,Bad,-1.00\n");
        long wales = jdbc.sql("SELECT a.id FROM dp_account a JOIN council c ON c.id = a.council_id WHERE c.code = 'demo-england' LIMIT 1")
                .query(Long.class).single();
        Files.writeString(incoming.resolve("account-" + wales + ".csv"), "date,description,amount\n2026-11-10,Not ours,-1.00\n");

        List<FolderImports.Outcome> outcomes = folders.importFrom(root);
        assertThat(outcomes).hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM account_transaction WHERE account_id = :a").param("a", account).query(Long.class).single())
                .isEqualTo(2);
        Path done = root.resolve("demo-wales").resolve("done");
        Path failed = root.resolve("demo-wales").resolve("failed");
        assertThat(Files.readString(done.resolve("account-" + account + ".csv.result.txt"))).contains("Imported 1 transactions");
        assertThat(Files.readString(failed.resolve("broken.csv.errors.txt"))).contains("Line 2:", "2026-13-01");
        assertThat(Files.readString(failed.resolve("account-" + wales + ".csv.errors.txt"))).contains("not one of this council's");
        assertThat(Files.list(incoming)).as("every file dealt with").isEmpty();
        assertThat(folders.importFrom(root)).as("nothing left to do").isEmpty();
    }
}
