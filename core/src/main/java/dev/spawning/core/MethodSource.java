package dev.spawning.core;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.CompositeFactory;
import dev.spawning.factory.Factory;
import dev.spawning.factory.Filter;
import dev.spawning.factory.FilterAppFactory;
import dev.spawning.factory.FilterFactory;
import dev.spawning.factory.Protocol;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.ServerRunner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A public static method used as a factory: its parameters and return type say its protocol, as
 * a Paste Deploy factory function's arguments do. A method with no parameters that returns a
 * factory is called once and the factory it returns is used.
 */
record MethodSource(Method method, Protocol protocol, String spec, Ref ref) implements FactorySource {

    @Override
    public Factory instantiate(Session session) {
        return switch (protocol) {
            case APP -> method.getParameterCount() == 0 ? produced()
                    : (AppFactory) (global, local) -> (App) call(global, local);
            case COMPOSITE -> method.getParameterCount() == 0 ? produced()
                    : (CompositeFactory) (loader, global, local) -> (App) call(loader, global, local);
            case FILTER -> method.getParameterCount() == 0 ? produced()
                    : (FilterFactory) (global, local) -> (Filter) call(global, local);
            case FILTER_APP -> method.getParameterCount() == 0 ? produced()
                    : (FilterAppFactory) (next, global, local) -> (App) call(next, global, local);
            case SERVER -> method.getParameterCount() == 0 ? produced()
                    : (ServerFactory) (global, local) -> (Server) call(global, local);
            case SERVER_RUNNER -> method.getParameterCount() == 0 ? produced()
                    : (ServerRunner) (app, global, local) -> call(app, global, local);
        };
    }

    @Override
    public String summary() {
        return method.getDeclaringClass().getName() + "::" + method.getName() + " (" + protocol.displayName() + ")";
    }

    private Factory produced() {
        try {
            return (Factory) call();
        } catch (Exception e) {
            throw new DeploymentException(ref.optionProblem(method.getDeclaringClass().getName() + "::"
                    + method.getName() + " failed: " + e), e);
        }
    }

    private Object call(Object... arguments) throws Exception {
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
