/** Use cases of the policy: policy as code (export and import), granular administration, the playground. */
package app.proxyme.engine.policy;
