package app.proxyme.domain.pipeline;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;

/** A dry run's result: what the classifier saw and what would be decided. */
public record Evaluation(Classification classification, Decision decision) {}
