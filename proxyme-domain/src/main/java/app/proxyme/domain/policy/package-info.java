/** An organisation's policy: topics, members and roles, structured rules, settings. */
package app.proxyme.domain.policy;
