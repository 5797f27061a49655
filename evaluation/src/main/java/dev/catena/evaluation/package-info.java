/**
 * Evaluation: evaluators that score a component's output against an input and a reference
 * (string, JSON, embedding distance, LLM-as-judge), and a runner that scores a component over a
 * dataset and writes a report.
 */
package dev.catena.evaluation;
