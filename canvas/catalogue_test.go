package canvas_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// wantKeys is the catalogue in display order, written out by hand.
// The 23 keys of the first catalogue keep their meaning; the six added
// with issue 13 split mixed sliders and cover missing topics.
var wantKeys = []string{
	"customer", "buyer-user", "decision-makers", "decision-logic", "decision-cycle", "user-voice",
	"customer-volume", "acquisition", "switching-cost", "preference-stability", "retention",
	"value", "revenue-model", "revenue-source", "engagement", "deal-size",
	"service-weight", "customization", "process-complexity", "release-cadence",
	"data", "data-volume", "concurrency", "load-predictability",
	"research", "sales-team", "onboarding", "pm-expertise", "operations",
}

var wantQuickKeys = []string{
	"customer", "decision-makers", "decision-cycle", "acquisition",
	"revenue-model", "value", "customization", "release-cadence",
}

func catalogueKeys(dims []canvas.Dimension) []string {
	keys := make([]string, len(dims))
	for i, d := range dims {
		keys[i] = d.Key
	}
	return keys
}

func TestCatalogueKeys(t *testing.T) {
	got := catalogueKeys(canvas.Catalogue())
	if len(got) != 29 {
		t.Fatalf("Catalogue() has %d dimensions, want 29", len(got))
	}
	if !reflect.DeepEqual(got, wantKeys) {
		t.Errorf("Catalogue() keys =\n%q\nwant\n%q", got, wantKeys)
	}
	seen := map[string]bool{}
	for _, k := range got {
		if seen[k] {
			t.Errorf("duplicate key %q", k)
		}
		seen[k] = true
	}
}

// Built-in dimensions carry keys only: their words are in assets/lang, in
// the reader's language, so no English may creep back into canvas.
func TestCatalogueDimensionsHoldKeysOnly(t *testing.T) {
	for _, d := range canvas.Catalogue() {
		t.Run(d.Key, func(t *testing.T) {
			if d.Group == "" {
				t.Error("Group is empty")
			}
			if want := (canvas.Dimension{Key: d.Key, Group: d.Group}); !reflect.DeepEqual(d, want) {
				t.Errorf("dimension = %+v, want key and group only", d)
			}
			got, ok := canvas.LookupDimension(d.Key)
			if !ok {
				t.Fatalf("LookupDimension(%q) not found", d.Key)
			}
			if !reflect.DeepEqual(got, d) {
				t.Errorf("LookupDimension(%q) = %+v, want %+v", d.Key, got, d)
			}
		})
	}
}

func TestLookupDimensionUnknown(t *testing.T) {
	for _, key := range []string{"", "Customer", "nope", " customer"} {
		if d, ok := canvas.LookupDimension(key); ok {
			t.Errorf("LookupDimension(%q) = %+v, true; want not found", key, d)
		}
	}
}

func TestGroups(t *testing.T) {
	groups := canvas.Groups()
	if len(groups) != 5 {
		t.Fatalf("Groups() has %d groups, want 5: %+v", len(groups), groups)
	}
	known := map[string]bool{}
	for _, g := range groups {
		if g.Key == "" {
			t.Errorf("group %+v has an empty key", g)
		}
		if known[g.Key] {
			t.Errorf("duplicate group key %q", g.Key)
		}
		known[g.Key] = true
	}
	used := map[string]int{}
	for _, d := range canvas.Catalogue() {
		if !known[d.Group] {
			t.Errorf("dimension %q refers to unknown group %q", d.Key, d.Group)
		}
		used[d.Group]++
	}
	for _, g := range groups {
		if used[g.Key] == 0 {
			t.Errorf("group %q has no dimensions", g.Key)
		}
	}
}

// Dimensions of one group are contiguous and the groups come in Groups() order,
// since the editor, chart and PDF show them group by group.
func TestCatalogueGroupOrder(t *testing.T) {
	var order []string
	for _, d := range canvas.Catalogue() {
		if len(order) == 0 || order[len(order)-1] != d.Group {
			order = append(order, d.Group)
		}
	}
	var want []string
	for _, g := range canvas.Groups() {
		want = append(want, g.Key)
	}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("group order in catalogue = %q, want %q", order, want)
	}
}

func TestTemplates(t *testing.T) {
	tmpls := canvas.Templates()
	if len(tmpls) != 2 || tmpls[0].Key != canvas.TemplateFull || tmpls[1].Key != canvas.TemplateQuick {
		t.Fatalf("Templates() = %+v, want full then quick", tmpls)
	}
	if canvas.TemplateFull != "full" || canvas.TemplateQuick != "quick" {
		t.Errorf("template keys = %q, %q; want \"full\", \"quick\"", canvas.TemplateFull, canvas.TemplateQuick)
	}
	tests := []struct {
		key  string
		want []string
	}{
		{"full", wantKeys},
		{"quick", wantQuickKeys},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			tm, ok := canvas.LookupTemplate(tt.key)
			if !ok {
				t.Fatalf("LookupTemplate(%q) not found", tt.key)
			}
			if tm.Key != tt.key {
				t.Errorf("template = %+v, want key %q", tm, tt.key)
			}
			if !reflect.DeepEqual(tm.Dimensions, tt.want) {
				t.Errorf("template %q dimensions =\n%q\nwant\n%q", tt.key, tm.Dimensions, tt.want)
			}
		})
	}
	if tm, ok := canvas.LookupTemplate("nope"); ok {
		t.Errorf("LookupTemplate(nope) = %+v, true; want not found", tm)
	}
}

func TestCatalogueReturnsCopy(t *testing.T) {
	first := canvas.Catalogue()
	origGroup := first[0].Group
	first[0].Group = "changed"
	first[1].Guidance.ToB = "changed"
	first[2] = canvas.Dimension{Key: "replaced"}

	second := canvas.Catalogue()
	if second[0].Group != origGroup {
		t.Errorf("Catalogue()[0].Group = %q after mutating an earlier result, want %q", second[0].Group, origGroup)
	}
	if second[1].Guidance.ToB != "" {
		t.Errorf("Catalogue()[1].Guidance.ToB changed to %q", second[1].Guidance.ToB)
	}
	if second[2].Key != "decision-makers" {
		t.Errorf("Catalogue()[2].Key = %q, want decision-makers", second[2].Key)
	}
	if d, _ := canvas.LookupDimension("customer"); d.Group != origGroup {
		t.Errorf("LookupDimension(customer).Group = %q, want %q", d.Group, origGroup)
	}

	groups := canvas.Groups()
	groupKey := groups[0].Key
	groups[0].Key = "changed"
	if got := canvas.Groups()[0].Key; got != groupKey {
		t.Errorf("Groups()[0].Key = %q after mutation, want %q", got, groupKey)
	}

	quick, _ := canvas.LookupTemplate(canvas.TemplateQuick)
	quick.Dimensions[0] = "changed"
	full := canvas.Templates()[0]
	full.Dimensions[0] = "changed"
	if again, _ := canvas.LookupTemplate(canvas.TemplateQuick); again.Dimensions[0] != "customer" {
		t.Errorf("quick template's first key = %q after mutation, want customer", again.Dimensions[0])
	}
	if again, _ := canvas.LookupTemplate(canvas.TemplateFull); again.Dimensions[0] != "customer" {
		t.Errorf("full template's first key = %q after mutation, want customer", again.Dimensions[0])
	}
}

func TestSessionKeepsOwnSnapshot(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		template string
		want     []string
	}{
		{canvas.TemplateFull, wantKeys},
		{canvas.TemplateQuick, wantQuickKeys},
	}
	for _, tt := range tests {
		t.Run(tt.template, func(t *testing.T) {
			a, err := canvas.NewSession(tt.template, "A", "P", now)
			if err != nil {
				t.Fatal(err)
			}
			b, err := canvas.NewSession(tt.template, "B", "P", now)
			if err != nil {
				t.Fatal(err)
			}
			if got := catalogueKeys(a.Dimensions); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("session dimensions = %q, want %q", got, tt.want)
			}
			for _, d := range a.Dimensions {
				cd, _ := canvas.LookupDimension(d.Key)
				if !reflect.DeepEqual(d, cd) {
					t.Errorf("snapshot of %q = %+v, want catalogue entry %+v", d.Key, d, cd)
				}
			}
			want, _ := canvas.LookupDimension("customer")

			// Changing the session's snapshot leaves the catalogue and other sessions alone.
			a.Dimensions[0].Group = "edited in session"
			a.Dimensions[0].Guidance.ToC = "edited in session"
			if got, _ := canvas.LookupDimension("customer"); !reflect.DeepEqual(got, want) {
				t.Errorf("catalogue entry changed to %+v", got)
			}
			if got := canvas.Catalogue()[0]; !reflect.DeepEqual(got, want) {
				t.Errorf("Catalogue()[0] changed to %+v", got)
			}
			if !reflect.DeepEqual(b.Dimensions[0], want) {
				t.Errorf("other session's snapshot changed to %+v", b.Dimensions[0])
			}

			// Changing a Catalogue() result leaves the session alone.
			cat := canvas.Catalogue()
			cat[0].Group = "edited in catalogue copy"
			if b.Dimensions[0].Group != want.Group {
				t.Errorf("session snapshot group = %q, want %q", b.Dimensions[0].Group, want.Group)
			}
			if d, ok := b.Dimension("customer"); !ok || !reflect.DeepEqual(d, want) {
				t.Errorf("Session.Dimension(customer) = %+v, %v; want %+v", d, ok, want)
			}
		})
	}
}
