package dev.spawning.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of contract tests that run once more per provider over TLS, shown as
 * {@code [undertow tls]}, {@code [coroutine tls]}: each server its {@link ContractServers} starts
 * has {@code certfile} and {@code keyfile} ({@link ContractTls}), and {@code RawHttp.connect(server)}
 * opens TLS to it, so that the same test asserts the same behaviour over both transports.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OverTls {
}
