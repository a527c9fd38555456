package ceasefire

// MaxRecord is the longest record the reader accepts, in bytes.
const MaxRecord = maxRecord
