/** The audit model: what is recorded of every step, and the chained record it becomes. */
package app.proxyme.domain.audit;
