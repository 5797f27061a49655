/** Vector math shared by every store: distances and maximal marginal relevance. */
package dev.catena.core.vector;
