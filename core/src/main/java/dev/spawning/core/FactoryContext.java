package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.Factory;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Filter;
import dev.spawning.factory.FilterAppFactory;
import dev.spawning.factory.FilterFactory;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.ServerRunner;
import dev.spawning.factory.Settings;
import java.util.ArrayList;
import java.util.List;

/** A section built by one factory: a provider, a {@code call:} target or an explicit factory key. */
final class FactoryContext extends LoaderContext {

    final FactorySource source;

    FactoryContext(Kind kind, FactorySource source, Conf global, Conf local, ConfigLoader loader, Place place) {
        super(kind, global, local, loader, place);
        this.source = source;
    }

    @Override
    Object build(Session session, Trace.Node node) {
        Factory factory = source.instantiate(session);
        Settings globals = globalSettings();
        Settings locals = localSettings();
        locals.asMap().forEach((key, value) -> node.details.add(key + " = " + value.replace("\n", "\\n")));
        if (factory instanceof ServerFactory server) {
            return buildServer(server, globals, locals);
        }
        try {
            Object built = switch (source.protocol()) {
                case APP -> ((AppFactory) factory).create(globals, locals);
                case COMPOSITE -> ((CompositeFactory) factory).create(
                        new CompositeLoader(session, loader, place), globals, locals);
                case FILTER -> ((FilterFactory) factory).create(globals, locals);
                case FILTER_APP -> filterApp((FilterAppFactory) factory, globals, locals);
                case SERVER -> ((ServerFactory) factory).create(globals, locals);
                case SERVER_RUNNER -> new RunnerServer((ServerRunner) factory, globals, locals);
            };
            return nonNull(built);
        } catch (DeploymentException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /**
     * A server section is checked whole: every unknown key (with the closest known ones) and every
     * bad value the provider reports, all in one error.
     */
    private Object buildServer(ServerFactory factory, Settings globals, Settings locals) {
        List<Problem> problems = new ArrayList<>(ServerKeys.unknown(locals, factory.settingNames(), place));
        problems.addAll(ServerKeys.unservedBind(locals, factory, source.summary(), place));
        try {
            Object built = factory.create(globals, locals);
            if (problems.isEmpty()) {
                return nonNull(built);
            }
        } catch (FactoryException e) {
            problems.addAll(failure(e).problems());
        } catch (DeploymentException e) {
            problems.addAll(e.problems());
        } catch (Exception e) {
            problems.addAll(failure(e).problems());
        }
        throw new DeploymentException(problems);
    }

    private Filter filterApp(FilterAppFactory factory, Settings globals, Settings locals) {
        return next -> {
            try {
                return nonNull(factory.create(next, globals, locals));
            } catch (DeploymentException e) {
                throw e;
            } catch (Exception e) {
                throw failure(e);
            }
        };
    }

    private <T> T nonNull(T built) {
        if (built == null) {
            throw new DeploymentException(sectionProblem(source.spec() + " returned null", null));
        }
        return built;
    }

    /** The failure of a factory as the loader reports it: each of a {@link FactoryException}'s issues, placed. */
    private DeploymentException failure(Exception e) {
        if (e instanceof FactoryException factory) {
            List<Problem> problems = factory.issues().stream().map(this::problem).toList();
            return problems.size() == 1 ? new DeploymentException(problems.getFirst(), e)
                    : new DeploymentException(problems);
        }
        return new DeploymentException(sectionProblem(source.spec() + " failed: " + e, null), e);
    }

    /**
     * An issue a factory reported: where it says it is, or, when it does not know (settings
     * without origins), in this section.
     *
     * <p>The factory API hands an issue over with its text whole: {@link dev.spawning.factory.Settings#invalid}
     * and the built-in factories have written the place first, as {@link Problem#text()} renders it
     * ({@code Error in file F: line N: [server:main] }), and the message is what follows. Until an
     * issue carries its message apart, that place is taken off here; a text without it is the
     * message whole.
     */
    private Problem problem(FactoryException.Issue issue) {
        if (issue.origin() == null) {
            return sectionProblem(issue.message(), issue.key());
        }
        return Problem.error(issue.origin(), issue.message()).labelled(issue.section(), issue.key());
    }

    /** {@code Error in file F: line N: [app:main] WHAT}, at this section's header. */
    private Problem sectionProblem(String what, String key) {
        return Problem.error(place.origin(), what).labelled(place.section(), key);
    }

    @Override
    String label() {
        return sectionLabel() + source.summary() + (source.spec().isEmpty() ? "" : ", " + source.spec());
    }
}
