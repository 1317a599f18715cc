package app

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// Template files (File → Import template… and Export template…), as
// `fulcrum template import` and `export` write and read them: the store
// imports all or nothing, and a file's problems are said per field in the
// reader's language, as a session file's are.

// catalogueMenu is File → Dimensions and templates: the catalogue screen
// and the template files. One item with a submenu, because the File menu
// must still fit a 600-pixel-high screen.
func (u *UI) catalogueMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem(u.T("app.catalogue.menu.group"), nil)
	it.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem(u.T("app.catalogue.menu"), u.ShowCatalogue),
		fyne.NewMenuItem(u.T("app.catalogue.menu.import-template"), u.importTemplateDialog),
		fyne.NewMenuItem(u.T("app.catalogue.menu.export-template"), u.chooseTemplateToExport),
	)
	return it
}

// importTemplateDialog asks for a template file to import; as for
// session files, the file is opened by importTemplateFiles, which refuses
// FIFOs and devices first.
func (u *UI) importTemplateDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(u.T("app.catalogue.import.nothing"), err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.importTemplateFiles([]string{path})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// importTemplateFiles reads every file first and imports them together;
// one bad file imports nothing, and every problem of every file is shown.
func (u *UI) importTemplateFiles(paths []string) {
	var files []canvas.TemplateFile
	var problems []string
	for _, p := range paths {
		tf, err := readTemplateFile(p)
		if err != nil {
			problems = append(problems, u.words().FileProblems(p, err)...)
			continue
		}
		files = append(files, tf)
	}
	if len(problems) > 0 {
		u.showProblems(u.T("app.catalogue.import.nothing"), problems)
		return
	}
	done, err := u.store.ImportTemplates(files)
	if err != nil {
		msg := err.Error()
		if text, ok := u.words().Problems(err); ok {
			msg = text
		}
		u.showProblems(u.T("app.catalogue.import.nothing"), []string{msg})
		return
	}
	if c := u.catalogue; c != nil && u.win.Content() == c.content {
		c.reload()
	}
	var lines []string
	for i, d := range done {
		name := files[i].Template.Name
		lines = append(lines, u.T("app.catalogue.import.done", name, paths[i]))
		if d.Replaced {
			lines = append(lines, u.T("app.catalogue.import.replaced"))
		}
		for _, c := range d.Conflicts {
			lines = append(lines, u.T("app.catalogue.import.conflict", c.Key))
		}
	}
	u.inform(u.T("app.catalogue.import.done.title"), strings.Join(lines, "\n"))
}

func readTemplateFile(path string) (canvas.TemplateFile, error) {
	f, err := export.OpenInput(path)
	if err != nil {
		return canvas.TemplateFile{}, err
	}
	defer f.Close()
	return canvas.DecodeTemplateFile(f)
}

// chooseTemplateToExport asks which template to export, then where.
func (u *UI) chooseTemplateToExport() {
	var labels []string
	keyOf := map[string]string{}
	for _, t := range u.library().AllTemplates() {
		l := u.N("app.new.template", len(t.Dimensions), u.words().TemplateOf(t))
		if _, twice := keyOf[l]; twice {
			l += " (" + t.Key + ")"
		}
		labels = append(labels, l)
		keyOf[l] = t.Key
	}
	pick := newKeySelect(labels, u.typedKey)
	pick.SetSelected(labels[0])
	items := []*widget.FormItem{widget.NewFormItem(u.T("app.new.template.label"), pick)}
	d := u.formDialog(u.T("app.catalogue.export.title"), u.T("app.catalogue.export.choose"), u.T("app.dialog.cancel"), items, func(ok bool) {
		if ok {
			u.exportTemplate(keyOf[pick.Selected])
		}
	})
	d.Resize(u.dialogSize(560, 200))
	d.Show()
	u.win.Canvas().Focus(pick)
}

// exportTemplate asks where to write the template file of key.
func (u *UI) exportTemplate(key string) {
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(u.T("app.catalogue.error.export"), err)
			return
		}
		if uc == nil {
			return
		}
		path := uc.URI().Path()
		uc.Close() // unwritten: see deferredWrites
		if err := export.CheckTarget(path, u.protectedPaths()...); err != nil {
			u.showError(u.T("app.catalogue.error.export"), err)
			return
		}
		u.exportTemplateTo(key, withExtension(path, ".json"))
	}, u.win)
	d.SetFileName(key + ".json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Resize(u.dialogSize(820, 560))
	d.Show()
}

// exportTemplateTo writes the template file of key to path, never over
// the session file or its backups.
func (u *UI) exportTemplateTo(key, path string) {
	tf, err := u.library().TemplateFile(key)
	if err != nil {
		u.showError(u.T("app.catalogue.error.export"), err)
		return
	}
	write := func(w io.Writer) error { return canvas.EncodeTemplateFile(w, tf) }
	if err := export.WriteFile(path, write, u.protectedPaths()...); err != nil {
		u.errorBox(fmt.Errorf("%s: %w", u.T("app.catalogue.error.export"), err))
		return
	}
	u.inform(u.T("app.catalogue.export.title"), u.T("app.catalogue.export.done", u.words().TemplateOf(tf.Template), path))
}
