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

// catalogueDim is one dimension; Custom marks one of the store's own, whose
// text is as its author wrote it in every language.
type catalogueDim struct {
	Key      string          `json:"key"`
	Group    string          `json:"group"`
	GroupKey string          `json:"group_key"`
	Name     string          `json:"name"`
	Question string          `json:"question"`
	ToC      string          `json:"toc"`
	ToB      string          `json:"tob"`
	Guidance canvas.Guidance `json:"guidance"`
	Custom   bool            `json:"custom,omitempty"`
}

// catalogueGroup is a group; a custom one is a name a custom dimension
// brought, its key and name the same.
type catalogueGroup struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Custom bool   `json:"custom,omitempty"`
}

type catalogueTemplate struct {
	Key        string   `json:"key"`
	Name       string   `json:"name"`
	Dimensions []string `json:"dimensions"`
	Custom     bool     `json:"custom,omitempty"`
}

// catalogueOf is the built-in catalogue in w's language with lib's custom
// dimensions and templates after it, in their own words.
func catalogueOf(w *lang.Words, lib canvas.Library) catalogueJSON {
	var out catalogueJSON
	for _, d := range lib.AllDimensions() {
		t := w.DimensionOf(d)
		out.Dimensions = append(out.Dimensions, catalogueDim{Key: d.Key, Group: w.Group(d.Group), GroupKey: d.Group,
			Name: t.Name, Question: t.Question, ToC: t.ToC, ToB: t.ToB, Guidance: canvas.Guidance{ToC: t.GuidanceToC, ToB: t.GuidanceToB},
			Custom: d.IsCustom()})
	}
	seen := map[string]bool{}
	for _, g := range canvas.Groups() {
		seen[g.Key] = true
		out.Groups = append(out.Groups, catalogueGroup{Key: g.Key, Name: w.Group(g.Key)})
	}
	for _, d := range lib.Dimensions {
		if !seen[d.Group] {
			seen[d.Group] = true
			out.Groups = append(out.Groups, catalogueGroup{Key: d.Group, Name: d.Group, Custom: true})
		}
	}
	out.Templates = templatesOf(w, lib)
	return out
}

// templatesOf is Full, Quick and lib's templates, each with its name.
func templatesOf(w *lang.Words, lib canvas.Library) []catalogueTemplate {
	var out []catalogueTemplate
	for _, t := range lib.AllTemplates() {
		out = append(out, catalogueTemplate{Key: t.Key, Name: w.TemplateOf(t), Dimensions: t.Dimensions, Custom: !t.IsBuiltIn()})
	}
	return out
}

func runCatalogue(env *Env, args []string) int {
	f := newFlags(env, "catalogue")
	w := env.w
	asJSON := f.Bool("json", false, w.T("cli.flag.json"))
	db := f.str("db", "PATH", "", w.T("cli.catalogue.flag.db", EnvDB, env.DefaultDB))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return f.usageError(w.T("cli.usage.unexpected", pos[0]))
	}
	var lib canvas.Library
	if *db != "" {
		if lib, code = env.library("catalogue", *db); code != ExitOK {
			return code
		}
	} else {
		lib = env.defaultLibrary()
	}
	cat := catalogueOf(w, lib)
	if *asJSON {
		return writeJSON(env, "catalogue", cat)
	}
	group := ""
	for _, d := range cat.Dimensions {
		if d.GroupKey != group {
			group = d.GroupKey
			fmt.Fprintf(env.Stdout, "\n%s\n", oneLine(d.Group))
		}
		key := d.Key
		if d.Custom {
			key = w.T("cli.catalogue.custom", d.Key)
		}
		fmt.Fprintf(env.Stdout, "  %-22s %s\n  %-22s   %s\n  %-22s %s\n", key, oneLine(d.Question),
			"", w.T("catalogue.pole.toc", oneLine(d.ToC)), "", w.T("catalogue.pole.tob", oneLine(d.ToB)))
	}
	fmt.Fprintf(env.Stdout, "\n%s\n", w.T("catalogue.templates"))
	for _, t := range cat.Templates {
		key := t.Key
		if t.Custom {
			key = w.T("cli.catalogue.custom", t.Key)
		}
		fmt.Fprintf(env.Stdout, "  %-22s %s\n", key, w.N("catalogue.template", len(t.Dimensions), oneLine(t.Name)))
	}
	return ExitOK
}
