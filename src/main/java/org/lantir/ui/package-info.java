/**
 * The desktop console: a JavaFX window over one running {@link org.lantir.app.Lantir}.
 *
 * <p>Each screen is a view model (observable state, plain Java, no JavaFX toolkit needed to
 * test it) and a view that binds to it. View models call the same services the command line
 * uses and never touch SQL, sockets or files themselves. Work that may block runs on
 * {@link UiThreads#background()}; results and events from the server and sync threads reach
 * the JavaFX thread through {@link UiThreads#fx()}, batched by {@link EventBatcher}.
 *
 * <p>Sub-packages hold one screen each: {@code schedule}, {@code server}, {@code sync},
 * {@code mpps}, {@code config}, {@code log}; {@code welcome} holds the Getting started panel
 * laid over them (at the first start, and on Alt+G), {@link AboutDialog} the About box (F1).
 */
package org.lantir.ui;
