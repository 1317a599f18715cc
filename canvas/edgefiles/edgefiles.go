// Package edgefiles builds session files at the edges of every field's
// range, for tests and fuzz targets (canvas, canvas/store, and any
// package that must handle every session import accepts, such as the
// exports): the
// earliest and latest times, values 0 and 100, confidence 1 and 5, ids of
// the longest length, the most participants and actions, every shape,
// colour, setting and round state, text with the characters that need care,
// and the first step past each edge, which must be refused.
//
// Accepted and refused files alike are fuzz seeds: the mutator starts from
// both sides of every edge. Only tests import this package.
package edgefiles

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// File is one session file; Valid says whether DecodeFile must accept it.
type File struct {
	Name  string
	Data  []byte
	Valid bool
}

type doc = map[string]any

// Files returns every edge file, in a stable order.
func Files() []File {
	var out []File
	add := func(valid bool, name string, d doc) {
		data, err := json.MarshalIndent(d, "", " ")
		if err != nil {
			panic(fmt.Sprintf("edge file %s: %v", name, err))
		}
		out = append(out, File{Name: name, Data: data, Valid: valid})
	}
	raw := func(valid bool, name, text string) {
		out = append(out, File{Name: name, Data: []byte(text), Valid: valid})
	}

	add(true, "minimal", doc{"format": canvas.FileFormat, "version": 1})
	add(true, "quick template", withTemplate(base(), canvas.TemplateQuick))
	all := base()
	all["dimensions"] = catalogueKeys()
	add(true, "every dimension", all)

	for _, t := range []struct{ name, created, due string }{
		{"earliest times", "0000-01-01T00:00:00Z", "0000-01-01"},
		{"latest times", "9999-12-31T23:59:59.999999999Z", "9999-12-31"},
		{"earliest times, offset west", "0000-01-01T00:00:00-23:59", "0000-01-01"},
		{"latest times, offset east", "9999-12-31T23:59:59+23:59", "9999-12-31"},
	} {
		add(true, t.name, withTimes(full(), t.created, t.due))
	}
	for _, field := range []string{"created", "updated", "round.started"} {
		for _, tm := range []string{"0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-01:00", "10000-01-01T00:00:00Z", "-0001-12-31T23:00:00Z"} {
			add(false, field+" "+tm, withTime(full(), field, tm))
		}
	}

	add(true, "lowest values", values(0, 1, 0, canvas.Shapes[0], 0, 0))
	add(true, "highest values", values(canvas.MaxValue, canvas.MaxConfidence, canvas.PaletteSize()-1, canvas.Shapes[len(canvas.Shapes)-1], canvas.MaxValue, canvas.MaxTimerSeconds))
	add(false, "values below", values(-1, 0, -1, "", -1, -1))
	add(false, "values above", values(canvas.MaxValue+1, canvas.MaxConfidence+1, canvas.PaletteSize(), "star", canvas.MaxValue+1, canvas.MaxTimerSeconds+1))

	add(true, "longest ids", withIDs(sessionID(canvas.MaxIDLength), participantID(canvas.MaxIDLength)))
	add(false, "session id too long", withIDs(sessionID(canvas.MaxIDLength+1), "p"))
	add(false, "participant id too long", withIDs("s", participantID(canvas.MaxIDLength+1)))
	for _, id := range []string{"../../etc/passwd", "a\nb", ".hidden", "-rf", "a b", "é"} {
		add(false, fmt.Sprintf("session id %q", id), withIDs(id, "p"))
	}
	for _, id := range []string{"a\nb", " p", "p\t"} {
		add(false, fmt.Sprintf("participant id %q", id), withIDs("s", id))
	}

	add(true, "most participants", crowd(canvas.MaxParticipants, canvas.MaxActions))
	add(false, "one participant too many", crowd(canvas.MaxParticipants+1, 0))
	add(false, "one action too many", crowd(1, canvas.MaxActions+1))

	add(true, "most accepted tensions", withAccepted(acceptances(canvas.MaxAcceptedTensions)...))
	add(false, "one accepted tension too many", withAccepted(acceptances(canvas.MaxAcceptedTensions+1)...))
	add(false, "accepted tension without a reason", withAccepted(doc{"rule": "committee-impulse", "reason": " "}))
	add(false, "accepted tension without a rule", withAccepted(doc{"reason": "r"}))
	add(false, "tension accepted twice", withAccepted(doc{"rule": "committee-impulse", "reason": "a"}, doc{"rule": "committee-impulse", "reason": "b"}))
	add(false, "accepted tension with a control character", withAccepted(doc{"rule": "committee-impulse", "reason": "a\x07"}))

	for _, r := range rounds() {
		d := full()
		d["round"] = r.round
		add(r.valid, "round "+r.name, d)
	}

	customEdges(add)

	raw(true, "text edges", `{"format":"fulcrum-session","version":1,"id":"t","title":"�\ufffd\ud800 \u2028\u2029 \\u2028 \\\u2029 <&> \"q\" \\ \/ \n\t 第四季度 😀 \u00e9",`+
		`"product":"","facilitator":"\u0041","participants":[{"id":"李伟","name":"李伟 �","role":"\t"}]}`)
	raw(false, "text control", `{"format":"fulcrum-session","version":1,"title":"a\u0000b","participants":[{"name":"\u0085"}]}`)
	raw(false, "duplicate keys", `{"format":"x","format":"fulcrum-session","version":1,"participants":[{"name":"a"},{"name":"b","name":"c"}],"settings":{"threshold":1,"threshold":2}}`)
	raw(false, "keys in the wrong case", `{"format":"fulcrum-session","version":1,"TITLE":"t","Participants":[{"Name":"a"}],"ſettings":{"threshold":3},"round":{"Mode":"blind"}}`)
	raw(false, "unknown keys", `{"format":"fulcrum-session","version":1,"participants":[{"name":"a","x":1}],"placements":[{"y":2}],"positions":[{"z":3}],"actions":[{"w":4}],"settings":{"v":5},"round":{"u":6},"accepted_tensions":[{"t":7}]}`)
	return out
}

func base() doc {
	return doc{"format": canvas.FileFormat, "version": 1, "title": "Edge", "product": "P"}
}

func withTemplate(d doc, t string) doc { d["template"] = t; return d }

func catalogueKeys() []string {
	var keys []string
	for _, d := range canvas.Catalogue() {
		keys = append(keys, d.Key)
	}
	return keys
}

func quickKeys() []string {
	t, _ := canvas.LookupTemplate(canvas.TemplateQuick)
	return t.Dimensions
}

// full is a file that fills every field once, on the quick template.
func full() doc {
	dims := quickKeys()
	return doc{
		"format": canvas.FileFormat, "version": 1, "id": "edge", "title": "Edge", "product": "P",
		"created": "2026-11-20T09:00:00Z", "updated": "2026-11-21T09:00:00.5Z", "facilitator": "F",
		"template": canvas.TemplateQuick, "dimensions": dims,
		"participants": []doc{{"id": "a", "name": "Ann", "role": "R", "colour": 2, "shape": "square"}, {"id": "b", "name": "Ben"}},
		"placements": []doc{
			{"dimension": dims[0], "participant": "a", "value": 10, "confidence": 3, "note": "n"},
			{"dimension": dims[0], "participant": "b", "value": 90},
		},
		"positions": []doc{{"dimension": dims[0], "current": 50, "target": 60, "note": "n"}, {"dimension": dims[1], "target": 5}},
		"actions":   []doc{{"text": "Do", "owner": "Ann", "due": "2026-12-15", "dimension": dims[0], "done": true}, {"text": "Also"}},
		"settings":  doc{"threshold": 30, "anonymous": true, "timer_seconds": 90, "timer_scope": canvas.TimerPerDimension},
		"round": doc{"mode": canvas.RoundBlind, "dimensions": dims[:2], "order": []string{"a", "b"}, "done": []string{"a"},
			"current": "b", "started": "2026-11-20T09:05:00Z"},
		// A rule this build knows and one it does not: both are kept.
		"accepted_tensions": []doc{{"rule": "committee-impulse", "reason": "a trial first, on purpose"}, {"rule": "retired-rule", "reason": "r"}},
	}
}

// withAccepted is full() with its accepted tensions replaced.
func withAccepted(accepted ...doc) doc {
	d := full()
	d["accepted_tensions"] = accepted
	return d
}

// acceptances is n acceptances of distinct rule keys.
func acceptances(n int) []doc {
	out := make([]doc, n)
	for i := range out {
		out[i] = doc{"rule": fmt.Sprintf("rule-%d", i), "reason": "r"}
	}
	return out
}

func withTimes(d doc, t, due string) doc {
	d["created"], d["updated"] = t, t
	d["round"].(doc)["started"] = t
	for _, a := range d["actions"].([]doc) {
		a["due"] = due
	}
	return d
}

func withTime(d doc, field, t string) doc {
	if r, ok := strings.CutPrefix(field, "round."); ok {
		d["round"].(doc)[r] = t
	} else {
		d[field] = t
	}
	return d
}

// values puts v, c, colour, shape, the threshold and the timer at one
// edge in every field that holds them; an empty shape leaves shapes out.
func values(v, c, colour int, shape canvas.Shape, threshold, timer int) doc {
	d := full()
	for _, p := range d["placements"].([]doc) {
		p["value"], p["confidence"] = v, c
	}
	for _, p := range d["positions"].([]doc) {
		p["current"], p["target"] = v, v
	}
	for _, p := range d["participants"].([]doc) {
		p["colour"] = colour
		if shape != "" {
			p["shape"] = shape
		}
	}
	d["settings"] = doc{"threshold": threshold, "timer_seconds": timer, "timer_scope": canvas.TimerPerRound}
	return d
}

func sessionID(n int) string {
	const alphabet = "ABCXYZabcxyz0189._-"
	var b strings.Builder
	b.WriteByte('a')
	for i := 1; i < n; i++ {
		b.WriteByte(alphabet[i%len(alphabet)])
	}
	return b.String()
}

func participantID(n int) string {
	return strings.Repeat("参", n/2) + strings.Repeat("p", n-n/2)
}

func withIDs(session, participant string) doc {
	d := full()
	d["id"] = session
	d["participants"].([]doc)[0]["id"] = participant
	d["placements"].([]doc)[0]["participant"] = participant
	r := d["round"].(doc)
	r["order"], r["done"] = []string{participant, "b"}, []string{participant}
	return d
}

// crowd is a file with people participants, each placed on every dimension
// of the quick template, all of them done in a revealed round, and actions
// actions.
func crowd(people, actions int) doc {
	d := base()
	d["template"] = canvas.TemplateQuick
	var ps, pls []doc
	var ids []string
	for i := range people {
		id := fmt.Sprintf("p%03d", i)
		ids = append(ids, id)
		ps = append(ps, doc{"id": id, "name": fmt.Sprintf("Person %d", i)})
		for j, k := range quickKeys() {
			pls = append(pls, doc{"dimension": k, "participant": id, "value": (i*7 + j*13) % 101})
		}
	}
	var as []doc
	for i := range actions {
		as = append(as, doc{"text": fmt.Sprintf("Action %d", i), "dimension": quickKeys()[i%len(quickKeys())]})
	}
	d["participants"], d["placements"], d["actions"] = ps, pls, as
	d["round"] = doc{"mode": canvas.RoundRecord, "dimensions": quickKeys(), "order": ids, "done": ids, "revealed": true}
	return d
}

type roundCase struct {
	name  string
	valid bool
	round doc
}

func rounds() []roundCase {
	r := func(change doc) doc {
		d := doc{"mode": canvas.RoundBlind, "dimensions": []string{quickKeys()[0]}, "order": []string{"a", "b"}}
		maps.Copy(d, change)
		return d
	}
	cases := []roundCase{
		{"just started", true, r(doc{})},
		{"everyone done", true, r(doc{"done": []string{"b", "a"}})},
		{"revealed", true, r(doc{"done": []string{"a"}, "revealed": true, "mode": canvas.RoundRecord})},
		{"current done", true, r(doc{"done": []string{"a"}, "current": "a"})},
		{"empty lists", true, r(doc{"order": []string{}, "done": []string{}, "dimensions": []string{}})},
		{"null lists", true, r(doc{"order": nil, "done": nil, "dimensions": nil})},
		{"order twice", false, r(doc{"order": []string{"a", "b", "a"}})},
		{"done twice", false, r(doc{"done": []string{"a", "a"}})},
		{"done outside order", false, r(doc{"order": []string{"a"}, "done": []string{"b"}})},
		{"current outside order", false, r(doc{"order": []string{"a"}, "current": "b"})},
		{"dimension twice", false, r(doc{"dimensions": []string{quickKeys()[0], quickKeys()[0]}})},
		{"no mode", false, r(doc{"mode": ""})},
	}
	return cases
}

// customDim is a custom dimension definition as a file writes it.
func customDim(key, name, group string) doc {
	return doc{"key": key, "name": name, "question": name + "?", "toc": "ToC " + name, "tob": "ToB " + name,
		"guidance": doc{"toc": "g " + name, "tob": "h " + name}, "group": group}
}

// withCustom is full() in format 2 with custom dimensions defs added to
// its dimensions, the first of them placed and positioned.
func withCustom(defs ...doc) doc {
	d := full()
	d["version"] = canvas.FileVersion2
	d["template"] = "fintech-45"
	dims := d["dimensions"].([]string)
	var list []any
	for _, c := range defs {
		dims = append(dims, c["key"].(string))
		list = append(list, c)
	}
	d["dimensions"] = dims
	d["custom_dimensions"] = list
	if len(defs) > 0 {
		key := defs[0]["key"]
		d["placements"] = append(d["placements"].([]doc), doc{"dimension": key, "participant": "a", "value": 12})
		d["positions"] = append(d["positions"].([]doc), doc{"dimension": key, "current": 30, "target": 20})
	}
	return d
}

// customEdges are the format-2 files: custom dimensions at the edges of
// their fields, and the first step past each edge.
func customEdges(add func(bool, string, doc)) {
	add(true, "custom dimensions", withCustom(customDim("regulatory-burden", "Regulatory burden", "value-money"),
		customDim("供给侧", "供给侧:商家还是个人", "Mercado — oferta")))
	longest := customDim(strings.Repeat("k", canvas.MaxKeyLength), strings.Repeat("名", canvas.MaxDimensionName), "g")
	longest["question"] = strings.Repeat("¿", canvas.MaxDimensionText)
	longest["toc"] = strings.Repeat("c", canvas.MaxDimensionName)
	longest["tob"] = strings.Repeat("b", canvas.MaxDimensionName)
	longest["guidance"] = doc{"toc": strings.Repeat("a", canvas.MaxDimensionText), "tob": ""}
	add(true, "longest custom dimension", withCustom(longest))
	v2 := full()
	v2["version"] = canvas.FileVersion2
	add(true, "format 2 without custom dimensions", v2)

	v1 := withCustom(customDim("x", "X", "g"))
	v1["version"] = 1
	add(false, "custom dimension in format 1", v1)
	unused := withCustom(customDim("x", "X", "g"))
	unused["custom_dimensions"] = append(unused["custom_dimensions"].([]any), customDim("y", "Y", "g"))
	add(false, "custom dimension not used", unused)
	add(false, "custom dimension redefines a built-in one", withCustom(customDim("customer", "C", "g")))
	add(false, "custom key with a space", withCustom(customDim("a b", "A", "g")))
	add(false, "custom key too long", withCustom(customDim(strings.Repeat("k", canvas.MaxKeyLength+1), "K", "g")))
	add(false, "custom key starting with a dash", withCustom(customDim("-a", "A", "g")))
	noName := customDim("x", "X", "g")
	noName["name"] = " "
	add(false, "custom dimension without a name", withCustom(noName))
	noGroup := customDim("x", "X", "g")
	delete(noGroup, "group")
	add(false, "custom dimension without a group", withCustom(noGroup))
	long := customDim("x", strings.Repeat("n", canvas.MaxDimensionName+1), "g")
	add(false, "custom name too long", withCustom(long))
	ctl := customDim("x", "X", "g")
	ctl["tob"] = "a\u0007"
	ctl["guidance"] = doc{"toc": "\u0000", "tob": ""}
	add(false, "custom text with control characters", withCustom(ctl))
	twice := withCustom(customDim("x", "X", "g"))
	twice["custom_dimensions"] = append(twice["custom_dimensions"].([]any), customDim("x", "Y", "g"))
	add(false, "custom dimension defined twice", twice)
	unknown := customDim("x", "X", "g")
	unknown["colour"] = "red"
	unknown["guidance"] = doc{"toc": "", "tob": "", "both": ""}
	add(false, "custom dimension with unknown fields", withCustom(unknown))
	var many []doc
	for i := range canvas.MaxCustom + 1 {
		many = append(many, customDim(fmt.Sprintf("c%d", i), "C", "g"))
	}
	add(false, "one custom dimension too many", withCustom(many...))
	bad := withCustom(customDim("x", "X", "g"))
	bad["template"] = "no such template!"
	add(false, "format 2 with a bad template key", bad)
}
