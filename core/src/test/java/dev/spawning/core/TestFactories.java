package dev.spawning.core;

import dev.spawning.core.testing.Apps;
import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Filter;
import dev.spawning.factory.Loader;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import com.google.inject.Inject;

/** Factories for {@code call:} and explicit factory keys, in every form a deployment file can name. */
public final class TestFactories {

    private TestFactories() {
    }

    /** App factory method: answers {@code greeting} (default hello). */
    public static App hello(Settings global, Settings local) {
        String greeting = local.get("greeting", "hello");
        return request -> Response.text(200, greeting);
    }

    /** Filter factory method: appends {@code suffix} (default !) to a text body. */
    public static Filter exclaim(Settings global, Settings local) {
        String suffix = local.get("suffix", "!");
        return next -> request -> {
            Response response = next.handle(request);
            return response.toBuilder().body(Apps.body(response) + suffix).build();
        };
    }

    /** Filter-app factory method: wraps the body in brackets. */
    public static App bracket(App next, Settings global, Settings local) {
        return request -> {
            Response response = next.handle(request);
            return response.toBuilder().body("[" + Apps.body(response) + "]").build();
        };
    }

    /** Composite factory method: answers the body of the app named by {@code inner}. */
    public static App delegate(Loader loader, Settings global, Settings local) {
        return loader.app(local.require("inner"), global);
    }

    /** Server runner method: serves until its thread is interrupted, counting the runs. */
    public static void run(App app, Settings global, Settings local) throws InterruptedException {
        RUNS.incrementAndGet();
        new java.util.concurrent.CountDownLatch(1).await();
    }

    /** How many times {@link #run} started. */
    public static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    /** Server factory method: a server that serves nothing, at a fixed address. */
    public static Server server(Settings global, Settings local) {
        return new Server() {
            @Override
            public void start(App app) {
            }

            @Override
            public List<InetSocketAddress> addresses() {
                return List.of(new InetSocketAddress("127.0.0.1", local.integer("port", 1, 1, 65535)));
            }

            @Override
            public StopReport stop(Duration grace) {
                return new StopReport(0, 0, 0, Duration.ZERO);
            }

            @Override
            public void await() {
            }

            @Override
            public Duration gracefulTimeout() {
                return Duration.ofSeconds(1);
            }
        };
    }

    /** An app factory method that fails as a programming error would. */
    public static App broken(Settings global, Settings local) {
        throw new IllegalStateException("the database is not there");
    }

    /** An app factory method that refuses its settings in its own words. */
    public static App refusing(Settings global, Settings local) {
        throw new FactoryException("needs a 'database' setting");
    }

    /**
     * An app factory method that refuses two settings at their keys: one as {@link Settings} words
     * it, one in its own words.
     */
    public static App picky(Settings global, Settings local) {
        List<FactoryException.Issue> issues = new java.util.ArrayList<>();
        try {
            local.integer("workers", 1, 1, 64);
        } catch (FactoryException e) {
            issues.addAll(e.issues());
        }
        issues.add(new FactoryException.Issue("mode must be fast or slow", local.origin("mode").orElseThrow(),
                local.section(), "mode"));
        throw new FactoryException(issues);
    }

    /** An app factory method that requires a setting, as {@link Settings#require} words its absence. */
    public static App needy(Settings global, Settings local) {
        local.require("database");
        return null;
    }

    /** An app factory method that returns nothing. */
    public static App nothing(Settings global, Settings local) {
        return null;
    }

    /** A factory class whose constructor fails. */
    public static final class FailingConstructor implements AppFactory {
        public FailingConstructor() {
            throw new IllegalStateException("no licence");
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, "never");
        }
    }

    /** A method that returns a factory rather than being one. */
    public static AppFactory producer() {
        return (global, local) -> request -> Response.text(200, "produced");
    }

    /** Not a factory: wrong parameters. */
    public static App notOne(String text) {
        return request -> Response.text(200, text);
    }

    /** A service an application binds in its own injector. */
    public interface Greeting {
        String text();
    }

    /** A factory class that asks Guice for the application's Greeting. */
    public static final class GreetingFactory implements AppFactory {
        private final Greeting greeting;

        @Inject
        public GreetingFactory(Greeting greeting) {
            this.greeting = greeting;
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, greeting.text());
        }
    }

    /** Both an app and a composite factory: the section prefix says which. */
    public static final class EitherFactory implements AppFactory, CompositeFactory {
        public EitherFactory() {
        }

        @Override
        public App create(Settings global, Settings local) {
            return request -> Response.text(200, "as app");
        }

        @Override
        public App create(Loader loader, Settings global, Settings local) {
            return request -> Response.text(200, "as composite");
        }
    }
}
