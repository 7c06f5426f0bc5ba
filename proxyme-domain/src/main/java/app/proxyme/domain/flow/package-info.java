/** Flow events: each authorization step of a chunk as it happens, with its measured duration. */
package app.proxyme.domain.flow;
