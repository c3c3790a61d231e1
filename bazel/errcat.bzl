"""Bazel rules for errcat: a catalog's outputs as declared files.

    load("@errcat//bazel:errcat.bzl", "errcat_catalog", "errcat_c_library", "errcat_sources")

errcat_catalog runs `errcat build` once per target, each action declaring
exactly what errcat reads for it (the catalog, its includes, the templates
of that target and the errcat program) and the files it writes, so that
remote caching and remote execution are correct: an edit reruns only the
actions that read the edited file. Each action also checks that errcat read
nothing undeclared (its depfile) and that the catalog has the id the rule
says, which must be known before anything runs to name the outputs.

errcat itself is //:errcat, built from gen/ and linked with the system's
libyaml (-lyaml: libyaml-dev on Debian), on the machine that runs the
actions, remote executors included.
"""

ErrcatInfo = provider(
    doc = "The outputs of an errcat_catalog.",
    fields = {
        "id": "the catalog id",
        "files": "dict: target name -> list of Files, <root>/<id>/<target>/<file>",
        "root": "the folder that holds <id>/, as a path of the output tree",
    },
)

# The targets whose one file errcat writes without templates (gen/target.c's
# table); every other target is a folder of templates, <target>/<file>.mustache
# each rendering <file> ("{id}" replaced). tests/bazel checks this against
# `errcat targets`.
_TEMPLATELESS = {"json": "{id}.json", "vectors": "vectors.json", "view": "view.json"}

# Built only when named, as errcat does.
_ON_REQUEST = ["view", "com_err"]

def _template_tree(files, what):
    """The template tree of 'files', all in one package whose folder is the
    tree's root: (root path, {target: [File]}, {target: [output name]})."""
    root = None
    by_target = {}
    names = {}
    for f in files:
        base = "/".join([p for p in [f.root.path, f.owner.workspace_root, f.owner.package] if p])
        if root == None:
            root = base
        elif base != root:
            fail("%s: every template must be in one package, whose folder holds <target>/<file>.mustache (%s is not in %s)" % (what, f.path, root))
        rel = f.path[len(base) + 1:]
        if "/" not in rel:
            continue  # beside the target folders, as templates/BUILD.bazel: not a template
        target, name = rel.split("/", 1)
        if target.startswith("."):
            continue
        by_target.setdefault(target, []).append(f)
        if "/" not in name and name.endswith(".mustache") and not name.startswith(("_", ".")):
            names.setdefault(target, []).append(name[:-len(".mustache")])
    return root, by_target, names

def _errcat_catalog_impl(ctx):
    cid = ctx.attr.id
    builtin_root, builtin, builtin_names = _template_tree(ctx.files._builtin_templates, "errcat's templates")
    user_root, user, user_names = _template_tree(ctx.files.templates, "%s: templates" % ctx.label)

    # A folder whose name starts with "_" is no target: `_shared` holds the
    # partials every target may use and `_labels` the docs' words, inputs of
    # every target's action.
    known = sorted({t: 1 for t in builtin.keys() + user.keys() + _TEMPLATELESS.keys() if not t.startswith("_")}.keys())
    shared = [f for d in ["_shared", "_labels"] for f in builtin.get(d, []) + user.get(d, [])]
    targets = ctx.attr.targets or [t for t in known if t not in _ON_REQUEST]
    catalog_inputs = [ctx.file.src] + ctx.files.includes
    root = "/".join([p for p in [ctx.bin_dir.path, ctx.label.workspace_root, ctx.label.package, ctx.label.name] if p])
    files = {}
    for target in targets:
        if target not in known:
            fail("%s: unknown target '%s' (errcat knows: %s)" % (ctx.label, target, ", ".join(known)))
        if target in _TEMPLATELESS:
            names = [_TEMPLATELESS[target]]
        else:
            names = {n: 1 for n in builtin_names.get(target, []) + user_names.get(target, [])}.keys()
        if [n for n in names if "{page}" in n]:
            # A file per page of the catalog's domains (the html site), which
            # only errcat knows: the target's folder is the output.
            outs = [ctx.actions.declare_directory("%s/%s/%s" % (ctx.label.name, cid, target))]
        else:
            outs = [
                ctx.actions.declare_file("%s/%s/%s/%s" % (ctx.label.name, cid, target, n.replace("{id}", cid)))
                for n in sorted(names)
            ]
        if not outs:
            fail("%s: target '%s' has no template that writes a file" % (ctx.label, target))
        files[target] = outs

        inputs = catalog_inputs + builtin.get(target, []) + user.get(target, []) + shared
        declared = ctx.actions.declare_file("%s.%s.inputs" % (ctx.label.name, target))
        ctx.actions.write(declared, "".join([f.path + "\n" for f in inputs]))

        args = ctx.actions.args()
        args.add_all([ctx.executable._errcat, cid, root, target, declared, "--"])
        args.add_all(["build", ctx.file.src, "-o", root, "-t", target])
        if user.get(target) or user.get("_shared") or user.get("_labels"):
            args.add_all(["--templates", user_root])
        args.add_all(ctx.attr.opts)
        ctx.actions.run(
            executable = ctx.executable._action,
            arguments = [args],
            inputs = inputs + [declared],
            tools = [ctx.executable._errcat],
            outputs = outs,
            # errcat's built-in templates are these declared files, not
            # whatever lies beside the program.
            env = {"ERRCAT_TEMPLATES": builtin_root},
            mnemonic = "Errcat",
            progress_message = "errcat %s: %s" % (ctx.file.src.short_path, target),
        )

    all_files = [f for t in targets for f in files[t]]
    return [
        DefaultInfo(files = depset(all_files)),
        OutputGroupInfo(**{t: depset(files[t]) for t in targets}),
        ErrcatInfo(id = cid, files = files, root = root),
    ]

errcat_catalog = rule(
    implementation = _errcat_catalog_impl,
    doc = """Compiles one catalog: its outputs are <name>/<id>/<target>/<file>,
one output group per target (`errcat targets` lists the files of each).""",
    attrs = {
        "id": attr.string(mandatory = True, doc = "The catalog id (catalog: {id: …}), which names the outputs; the build fails when the catalog says otherwise."),
        "src": attr.label(mandatory = True, allow_single_file = [".yaml", ".yml", ".json"], doc = "The catalog."),
        "includes": attr.label_list(allow_files = True, doc = "Every file the catalog includes, in the folders its include: paths name."),
        "targets": attr.string_list(doc = "The targets to build (default: every target errcat builds by default)."),
        "templates": attr.label_list(allow_files = True, doc = "Templates that override or add to the built-in ones (errcat's --templates DIR), all in one package whose folder is DIR."),
        "opts": attr.string_list(doc = "More options of errcat build, as --werror."),
        "_errcat": attr.label(default = Label("//:errcat"), executable = True, cfg = "exec"),
        "_action": attr.label(default = Label("//bazel:errcat_action.sh"), allow_single_file = True, executable = True, cfg = "exec"),
        "_builtin_templates": attr.label(default = Label("//templates"), allow_files = True),
    },
)

def _target_files(ctx, target):
    info = ctx.attr.catalog[ErrcatInfo]
    if target not in info.files:
        fail("%s: %s does not build target '%s' (add it to its targets)" % (ctx.label, ctx.attr.catalog.label, target))
    return info, info.files[target]

def _errcat_sources_impl(ctx):
    info, files = _target_files(ctx, ctx.attr.target)
    return [DefaultInfo(files = depset(files))]

errcat_sources = rule(
    implementation = _errcat_sources_impl,
    doc = """The files of one target of an errcat_catalog (python, typescript,
go, rust, …), for the rules of that language: in <catalog name>/<id>/<target>/.""",
    attrs = {
        "catalog": attr.label(mandatory = True, providers = [ErrcatInfo]),
        "target": attr.string(mandatory = True),
    },
)

def _errcat_c_parts_impl(ctx):
    info, files = _target_files(ctx, "c")
    hdrs = [f for f in files if f.extension == "h"]
    return [
        DefaultInfo(files = depset([f for f in files if f.extension == "c"])),
        CcInfo(compilation_context = cc_common.create_compilation_context(
            headers = depset(hdrs),
            includes = depset([hdrs[0].dirname]),
        )),
    ]

_errcat_c_parts = rule(
    implementation = _errcat_c_parts_impl,
    attrs = {"catalog": attr.label(mandatory = True, providers = [ErrcatInfo])},
)

def errcat_c_library(name, catalog, **kwargs):
    """A cc_library of the catalog's c target: #include "<id>_errors.h".

    Other arguments (visibility, copts, linkstatic, …) go to the cc_library.
    """
    _errcat_c_parts(name = name + "_parts", catalog = catalog, visibility = ["//visibility:private"])
    native.cc_library(name = name, srcs = [name + "_parts"], deps = [name + "_parts"], **kwargs)
