/** Use cases of a meeting: joining it, its topic switches, reading its record. */
package app.proxyme.engine.meeting;
