/**
 * A connected language model used safely: its classifications cross-checked by the local classifier (never looser
 * than the local classifier alone), and the local adapters in its place when it fails.
 */
package app.proxyme.engine.language;
