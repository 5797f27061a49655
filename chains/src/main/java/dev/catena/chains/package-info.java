/**
 * Catena chains: reserved for the chains issue; see ARCHITECTURE.md for what belongs here.
 */
package dev.catena.chains;
