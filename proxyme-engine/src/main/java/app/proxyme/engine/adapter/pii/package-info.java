/** Local PII detection for the ACI gateway: patterns with validation (Luhn, mod 97, SSN ranges), libphonenumber. */
package app.proxyme.engine.adapter.pii;
