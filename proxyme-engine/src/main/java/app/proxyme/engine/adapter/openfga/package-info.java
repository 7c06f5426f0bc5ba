/** The connected FGA adapter: an OpenFGA server or Auth0 FGA through dev.openfga:openfga-sdk. */
package app.proxyme.engine.adapter.openfga;
