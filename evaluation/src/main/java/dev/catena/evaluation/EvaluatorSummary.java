package dev.catena.evaluation;

/**
 * One evaluator's aggregate over a run.
 *
 * @param evaluator the evaluator's name
 * @param scored how many rows it scored (failures of the component or the evaluator excluded)
 * @param failures how many rows it could not score (its own failure or the component's)
 * @param mean the mean score over scored rows; {@code NaN} when none
 * @param passRate passed rows over all rows, failures counting as not passed; {@code NaN} when the run had no rows
 */
public record EvaluatorSummary(String evaluator, int scored, int failures, double mean, double passRate) {
}
