package dev.spawning.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test: runs once per server provider (see {@link ContractProviders}), shown as
 * {@code [undertow]}, {@code [coroutine]}. The method may take a {@link ContractServers}, which
 * starts servers of that provider and stops them after the test. A provider that hangs fails the
 * test after 20 seconds instead of holding the suite.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ContractInvocations.class)
public @interface ContractTest {
}
