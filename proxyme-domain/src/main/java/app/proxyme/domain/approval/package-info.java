/** Suggestions and the approvals that hold them: created by the pipeline, decided by their user or a deadline. */
package app.proxyme.domain.approval;
