/** Plain-text helpers shared by the local classifier and the local rule compiler. */
package app.proxyme.engine.text;
