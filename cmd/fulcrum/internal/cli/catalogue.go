package cli

import (
	"fmt"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// catalogueJSON is the shape of `catalogue --json`; scripts rely on it.
// Keys are the same in every language; the text is in the chosen one.
type catalogueJSON struct {
	Dimensions []catalogueDim      `json:"dimensions"`
	Groups     []catalogueGroup    `json:"groups"`
	Templates  []catalogueTemplate `json:"templates"`
}

type catalogueDim struct {
	Key      string          `json:"key"`
	Group    string          `json:"group"`
	GroupKey string          `json:"group_key"`
	Name     string          `json:"name"`
	Question string          `json:"question"`
	ToC      string          `json:"toc"`
	ToB      string          `json:"tob"`
	Guidance canvas.Guidance `json:"guidance"`
}

type catalogueGroup struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

type catalogueTemplate struct {
	Key        string   `json:"key"`
	Name       string   `json:"name"`
	Dimensions []string `json:"dimensions"`
}

func catalogueOf(w *lang.Words) catalogueJSON {
	var out catalogueJSON
	for _, d := range canvas.Catalogue() {
		t := w.DimensionOf(d)
		out.Dimensions = append(out.Dimensions, catalogueDim{Key: d.Key, Group: w.Group(d.Group), GroupKey: d.Group,
			Name: t.Name, Question: t.Question, ToC: t.ToC, ToB: t.ToB, Guidance: canvas.Guidance{ToC: t.GuidanceToC, ToB: t.GuidanceToB}})
	}
	for _, g := range canvas.Groups() {
		out.Groups = append(out.Groups, catalogueGroup{Key: g.Key, Name: w.Group(g.Key)})
	}
	for _, t := range canvas.Templates() {
		out.Templates = append(out.Templates, catalogueTemplate{Key: t.Key, Name: w.Template(t.Key), Dimensions: t.Dimensions})
	}
	return out
}

func runCatalogue(env *Env, args []string) int {
	f := newFlags(env, "catalogue")
	w := env.w
	asJSON := f.Bool("json", false, w.T("cli.flag.json"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError(w.T("cli.usage.unexpected", pos[0]))
	}
	cat := catalogueOf(w)
	if *asJSON {
		return writeJSON(env, "catalogue", cat)
	}
	group := ""
	for _, d := range cat.Dimensions {
		if d.GroupKey != group {
			group = d.GroupKey
			fmt.Fprintf(env.Stdout, "\n%s\n", d.Group)
		}
		fmt.Fprintf(env.Stdout, "  %-22s %s\n  %-22s   %s\n  %-22s %s\n", d.Key, d.Question,
			"", w.T("catalogue.pole.toc", d.ToC), "", w.T("catalogue.pole.tob", d.ToB))
	}
	fmt.Fprintf(env.Stdout, "\n%s\n", w.T("catalogue.templates"))
	for _, t := range cat.Templates {
		fmt.Fprintf(env.Stdout, "  %-22s %s\n", t.Key, w.N("catalogue.template", len(t.Dimensions), t.Name))
	}
	return ExitOK
}
