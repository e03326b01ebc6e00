/**
 * The controller of {@code spawn serve} with {@code processes > 1} or {@code reload}: its settings
 * ({@link dev.spawning.controller.ControllerSettings}), the controller itself
 * ({@link dev.spawning.controller.Controller}), the worker's main class
 * ({@link dev.spawning.controller.Worker}) and the client of its control socket
 * ({@link dev.spawning.controller.ControlClient}). Everything else is package-private.
 */
package dev.spawning.controller;
