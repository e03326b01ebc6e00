package dev.spawning.controller;

import java.io.Serial;

/**
 * A failure of the controller that its message explains whole: a socket it cannot bind (naming
 * the address), a bad setting, a first generation that does not start (with the worker's error
 * output), a control socket that does not answer.
 */
public final class ControllerException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    ControllerException(String message) {
        super(message);
    }

    ControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
