package app.proxyme.web.boot;

import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.TopicClassifier;

/**
 * The local classifier and generator, one instance of each (the classifier caches what it derives from each
 * catalogue): the adapters of {@code PROXYME_LLM=local}, and with a connected model its cross-check, its fallback and
 * the warm-up's classifier (a warm-up never reaches a remote model).
 */
record LocalModels(TopicClassifier classifier, ResponseGenerator generator) {}
