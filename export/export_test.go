package export

// KeyPointTensions is how many open tensions page 1 names, for the
// external tests that read page 1.
const KeyPointTensions = keyPointTensions
