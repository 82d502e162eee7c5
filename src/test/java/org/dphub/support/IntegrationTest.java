package org.dphub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one set of test properties every *IT shares, so Spring caches a single context: the real
 * application on a random port, on its own embedded PostgreSQL in a new temporary folder, with
 * the demo data loaded, and axe-core's script for the browser tests ({@link AxeScript}). Each
 * test runs with the application's own CSRF token store ({@link RealFormTokens}), whatever a
 * MockMvc test before it did to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=true",
        "dphub.sign-in.max-failures=5",
        "dphub.sign-in.lockout=15m",
        // the whole suite signs in wrongly from one address on purpose; SignInIT fills the count up to it
        "dphub.sign-in.max-failures-per-address=1000",
        "dphub.payment-runs.nightly=-"})
@AutoConfigureMockMvc
@Import(AxeScript.class)
@TestExecutionListeners(listeners = RealFormTokens.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IntegrationTest {
}
