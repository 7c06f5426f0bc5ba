/** Embedded step-up approval: held suggestions go to the user's overlay and phone page (StepUpApproval). */
package app.proxyme.engine.adapter.devices;
