package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The session list's commands on the selected session: open, duplicate,
// rename, delete and its undo.

func (h *home) openSelected() {
	if h.selected == "" {
		return
	}
	if err := h.ui.OpenSession(h.selected); err != nil {
		h.ui.showError(h.ui.T("app.error.open-session"), err)
	}
}

func (h *home) duplicateSelected() {
	s, err := h.ui.store.Load(h.selected)
	if err != nil {
		h.ui.showError(h.ui.T("app.error.duplicate-session"), err)
		return
	}
	c := s.Duplicate(h.ui.opt.Now())
	c.Title = h.ui.T("app.home.copy-title", s.Title)
	if err := h.ui.store.Save(c); err != nil {
		h.ui.showError(h.ui.T("app.error.duplicate-session"), err)
		return
	}
	h.reload()
	h.selectSession(c.ID)
}

func (h *home) renameSelected() {
	s, err := h.ui.store.Load(h.selected)
	if err != nil {
		h.ui.showError(h.ui.T("app.error.rename-session"), err)
		return
	}
	title := h.ui.newKeyEntry()
	title.SetText(s.Title)
	product := h.ui.newKeyEntry()
	product.SetText(s.Product)
	items := []*widget.FormItem{widget.NewFormItem(h.ui.T("app.form.title"), title), widget.NewFormItem(h.ui.T("app.form.product"), product)}
	d := h.ui.formDialog(h.ui.T("app.home.rename.title"), h.ui.T("app.home.rename"), h.ui.T("app.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		s.Title = strings.TrimSpace(title.Text)
		s.Product = strings.TrimSpace(product.Text)
		s.Touch(h.ui.opt.Now())
		if err := h.ui.store.Save(s); err != nil {
			h.ui.showError(h.ui.T("app.error.rename-session"), err)
			return
		}
		h.reload()
		h.selectSession(s.ID)
	})
	title.Validator = requiredText(h.ui.T("app.form.title.required"))
	d.Resize(h.ui.dialogSize(480, 220))
	d.Show()
	h.ui.win.Canvas().Focus(title)
}

func (h *home) deleteSelected() {
	id := h.selected
	s, err := h.ui.store.Load(id)
	if err != nil {
		h.ui.showError(h.ui.T("app.error.delete-session"), err)
		return
	}
	h.ui.confirm(h.ui.T("app.home.delete.title"), h.ui.T("app.home.delete.body", s.Title), func(ok bool) {
		if !ok {
			return
		}
		if err := h.ui.store.Delete(id); err != nil {
			h.ui.showError(h.ui.T("app.error.delete-session"), err)
			return
		}
		h.deleted = s
		h.undoLabel.SetText(h.ui.T("app.home.deleted", s.Title))
		h.undoBar.Show()
		h.reload()
	})
}

func (h *home) undoDelete() {
	if h.deleted == nil {
		return
	}
	s := h.deleted
	if err := h.ui.store.Save(s); err != nil {
		h.ui.showError(h.ui.T("app.error.undo-delete"), err)
		return
	}
	h.deleted = nil
	h.undoBar.Hide()
	h.reload()
	h.selectSession(s.ID)
}

// requiredText refuses an empty field with msg, the field's own words.
func requiredText(msg string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}

// keepFrom carries what a person did on the old list over to h, built
// anew in another language: the search, the selection and the undo of a
// deletion.
func (h *home) keepFrom(old *home) {
	if old == nil {
		return
	}
	h.search.SetText(old.search.Text)
	h.deleted = old.deleted
	if h.deleted != nil {
		h.undoLabel.SetText(h.ui.T("app.home.deleted", h.deleted.Title))
		h.undoBar.Show()
	}
	h.reload()
	h.selectSession(old.selected)
}
