package dev.atelier.domain.model;

/**
 * Settings that labeling-platform clients send when they create a project (rapid, studio,
 * pipeline, consensus attempts, dataset). All optional; kept and returned as sent.
 */
public record LabelingOptions(
        Boolean rapid, Boolean studio, String pipeline, Integer consensusAttempts, String datasetId, boolean pinned) {
    public static final LabelingOptions NONE = new LabelingOptions(null, null, null, null, null, false);

    public LabelingOptions {
        pipeline = Text.optional("pipeline", pipeline, Text.MAX_TYPE);
        datasetId = Text.optional("dataset_id", datasetId, Text.MAX_NAME);
        if (consensusAttempts != null && (consensusAttempts < 0 || consensusAttempts > 1000)) {
            throw new dev.atelier.domain.error.InvalidInputException("consensus_attempts must be between 0 and 1000");
        }
    }
}
