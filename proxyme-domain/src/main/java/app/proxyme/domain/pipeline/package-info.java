/** The decision pipeline for one transcript chunk: read, classify, decide through the layers, draft, check, show or hold, each step audited first. */
package app.proxyme.domain.pipeline;
