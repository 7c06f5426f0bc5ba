/** Sign-in use cases over the {@code Identity} port: bearer tokens, key sets, the embedded demo sign-in. */
package app.proxyme.engine.identity;
