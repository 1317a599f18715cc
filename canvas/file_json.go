package canvas

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// decodeList decodes each element of a list on its own, so a problem is
// reported with its index. An element with a problem is still kept, as far
// as it decoded, so references to it do not add misleading problems.
func decodeList[T any](ps *problems, name string, raws []json.RawMessage) []T {
	out := make([]T, 0, len(raws))
	for i, r := range raws {
		var v T
		if err := json.Unmarshal(r, &v); err != nil {
			*ps = append(*ps, jsonProblem(err, fmt.Sprintf("%s[%d]", name, i)))
		}
		out = append(out, v)
	}
	return out
}

// jsonProblem turns a decoding error into a Problem located under prefix.
func jsonProblem(err error, prefix string) Problem {
	at := func(field string) string {
		switch {
		case prefix == "":
			return field
		case field == "":
			return prefix
		}
		return prefix + "." + field
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return syntaxProblem(syn)
	case errors.As(err, &typ):
		// Go names a field of an embedded struct by the struct's type too.
		field := at(strings.TrimPrefix(strings.TrimPrefix(typ.Field, "fileHeader."), "fileTemplate."))
		if field == "" {
			field = FieldTopLevel
		}
		return Problem{Field: field, Kind: expectedKind(typ.Type.String()), Args: []any{JSONValue(typ.Value)}}
	case errors.Is(err, io.EOF):
		return Problem{Kind: ProblemJSONEmpty}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Kind: ProblemJSONTruncated}
	}
	return Problem{Field: prefix, Kind: ProblemJSONOther, Args: []any{strings.TrimPrefix(err.Error(), "json: ")}}
}

// expectedKind is the problem of a value of the wrong type where the
// decoder wanted goType.
func expectedKind(goType string) ProblemKind {
	switch strings.TrimPrefix(goType, "*") {
	case "int":
		return ProblemExpectedInteger
	case "string":
		return ProblemExpectedString
	}
	if strings.HasPrefix(goType, "[]") {
		return ProblemExpectedArray
	}
	return ProblemExpectedObject
}

// syntaxProblem takes encoding/json's syntax error apart into what the
// reader's language can word: the offset, the character and where in the
// document it stands. A message of a kind Go did not write before keeps
// its own text.
func syntaxProblem(syn *json.SyntaxError) Problem {
	msg := syn.Error()
	if msg == "unexpected end of JSON input" {
		return Problem{Kind: ProblemJSONEnd, Args: []any{syn.Offset}}
	}
	// "invalid character 'x' looking for beginning of value"; the
	// character is quoted as '\'', ' ' or '\n', so its closing quote is the
	// first one after the opening quote that a space follows.
	if rest, ok := strings.CutPrefix(msg, "invalid character '"); ok {
		if i := strings.Index(rest[min(1, len(rest)):], "' "); i >= 0 {
			i += min(1, len(rest))
			return Problem{Kind: ProblemJSONCharacter, Args: []any{syn.Offset, "'" + rest[:i+1], JSONContext(rest[i+2:])}}
		}
	}
	return Problem{Kind: ProblemJSONSyntax, Args: []any{syn.Offset, msg}}
}
