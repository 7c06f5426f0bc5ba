package app.proxyme.domain.chunk;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;

/** A dry run's result: what the classifier saw and what would be decided. */
public record DryRun(Classification classification, Decision decision) {}
