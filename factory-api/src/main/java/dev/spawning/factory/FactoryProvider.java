package dev.spawning.factory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a provider: {@code use = service:NAME} in a deployment file selects it. Names are unique
 * across the classpath; two providers with one name are an error that names both classes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FactoryProvider {

    /** {@return the word after {@code service:}, such as {@code undertow}} */
    String name();

    /** {@return one line that says what the provider builds, for {@code spawn factories}} */
    String description();
}
