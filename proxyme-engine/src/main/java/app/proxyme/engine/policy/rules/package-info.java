/**
 * Natural-language rules compiled into the structured form the rules layer evaluates: when a policy is saved, never
 * at decision time.
 */
package app.proxyme.engine.policy.rules;
