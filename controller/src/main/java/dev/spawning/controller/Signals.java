package dev.spawning.controller;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The signals of the controller and its workers, through {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}), the JDK's only way to handle them. It is called reflectively: javac
 * warns on every direct use of a {@code sun.*} type, with no way to turn that warning off under
 * {@code -Werror}. The controller's signals each become an {@link Event.Signalled}: {@code HUP}
 * reload, {@code TERM} graceful stop, {@code INT} fast stop, {@code TTIN}/{@code TTOU} one worker
 * more or fewer ({@code USR1} and {@code USR2} are the JVM's). The JVM's signal thread only
 * enqueues.
 */
final class Signals {

    static final List<String> HANDLED = List.of("HUP", "TERM", "INT", "TTIN", "TTOU");

    private Signals() {
    }

    /** The controller's: each signal of {@link #HANDLED} becomes an event. */
    static void install(BlockingQueue<Event> events) {
        for (String name : HANDLED) {
            handle(name, () -> events.add(new Event.Signalled(name)));
        }
    }

    /** A worker's: Ctrl-C reaches the whole process group, and only the controller stops a worker. */
    static void ignoreInterrupt() {
        try {
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            set("INT", handler.getField("SIG_IGN").get(null));
        } catch (ReflectiveOperationException e) {
            throw new ControllerException("Cannot ignore SIGINT: " + e, e);
        }
    }

    private static void handle(String name, Runnable action) {
        try {
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler},
                    (self, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "signal handler " + name;
                    });
            set(name, proxy);
        } catch (ReflectiveOperationException e) {
            throw new ControllerException("Cannot handle SIG" + name + ": " + e, e);
        }
    }

    private static void set(String name, Object handler) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        Object which = signal.getConstructor(String.class).newInstance(name);
        signal.getMethod("handle", signal, handlerType).invoke(null, which, handler);
    }
}
