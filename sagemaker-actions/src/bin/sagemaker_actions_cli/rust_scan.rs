//! `policy-for --rust DIR`: finds the calls a Rust program makes through the AWS SDK for Rust's
//! SageMaker clients, with `syn` (no type checking, no macro expansion).
//!
//! Which expressions are clients, within the scanned sources:
//!
//! - a client type is `CRATE::Client` (or `CRATE::client::Client`) for each crate the service
//!   reference names (`aws_sdk_sagemaker`, `aws_sdk_sagemakerruntime`, ...), a name a file
//!   imports for one (`use aws_sdk_sagemaker::Client as Sm;`, `use aws_sdk_sagemaker as sm;`
//!   then `sm::Client`), a type alias of one anywhere in the sources (`type Sm = ...;`), and
//!   any of those behind `&`, `Arc`, `Rc` or `Box`;
//! - a client is a function or closure parameter or a `let` typed with a client type, a `let`
//!   initialized with `ClientType::new(..)` / `ClientType::from_conf(..)`, with another client
//!   (`.clone()`, `&`, `*`, `.await`, `?`, `.unwrap()` looked through) or with a call of a
//!   function of the sources declared to return a client type, and a field access `x.name`
//!   where every struct of the sources with a field `name` types it as the same client.
//!
//! A method call whose name is a method of one of those crates' clients is then a *call* when
//! its receiver is a client of that crate, and *unresolved* otherwise: a receiver of a generic
//! type, an unknown receiver, a client of another crate, or any such call inside a macro's
//! arguments (which are tokens, not parsed code). Unresolved calls are reported, never put in
//! the policy.

use sagemaker_actions::Operation;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use syn::visit::{self, Visit};
use syn::{Expr, FnArg, GenericParam, Pat, Type, UseTree};

/// Where something is in the sources: the file as found under the scanned directory, and the
/// 1-based line and column (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The file, the scanned directory joined with its path below it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A call through a SageMaker client whose receiver was resolved.
#[derive(Debug, Clone)]
pub struct Call {
    /// The operation the method calls.
    pub operation: Operation,
    /// Where the method's name is.
    pub location: Location,
}

/// A method call named like a SageMaker SDK method whose receiver could not be resolved to a
/// client of the method's crate: reported, not put in the policy.
#[derive(Debug, Clone)]
pub struct Unresolved {
    /// The operation the method would call.
    pub operation: Operation,
    /// The method's name.
    pub method: String,
    /// Where the method's name is.
    pub location: Location,
    /// Why it was not resolved.
    pub reason: String,
}

/// A file that could not be read or parsed.
#[derive(Debug, Clone)]
pub struct FileError {
    /// The file, and where in it the parser stopped (line and column 0 when it was not read).
    pub location: Location,
    /// The reader's or parser's message.
    pub message: String,
}

/// Everything a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The `.rs` files read.
    pub files: usize,
    /// Resolved calls, by file then position.
    pub calls: Vec<Call>,
    /// Candidates that were not resolved, by file then position.
    pub unresolved: Vec<Unresolved>,
    /// Files that could not be read or parsed.
    pub file_errors: Vec<FileError>,
}

/// The SDK crates that have SageMaker clients, and for each client method the operations it
/// calls (a method name may exist in more than one crate).
struct SdkMethods {
    crates: Vec<&'static str>,
    by_method: HashMap<&'static str, Vec<(&'static str, Operation)>>,
}

impl SdkMethods {
    fn new() -> Self {
        let mut crates = Vec::new();
        let mut by_method: HashMap<&'static str, Vec<(&'static str, Operation)>> = HashMap::new();
        for operation in Operation::ALL {
            for method in operation.sdk_methods() {
                if !crates.contains(&method.rust_crate()) {
                    crates.push(method.rust_crate());
                }
                by_method
                    .entry(method.method())
                    .or_default()
                    .push((method.rust_crate(), *operation));
            }
        }
        SdkMethods { crates, by_method }
    }

    fn crate_named(&self, name: &str) -> Option<&'static str> {
        self.crates.iter().copied().find(|krate| *krate == name)
    }

    /// The operation `method` calls on a client of `krate`: `Operation::from_sdk_method`, when
    /// that operation's method is in `krate`, else the method of that name in `krate`.
    fn operation(&self, krate: &str, method: &str) -> Option<Operation> {
        let in_crate = |operation: Operation| {
            operation
                .sdk_methods()
                .iter()
                .any(|sdk| sdk.rust_crate() == krate && sdk.method() == method)
        };
        Operation::from_sdk_method(method)
            .filter(|operation| in_crate(*operation))
            .or_else(|| {
                self.by_method
                    .get(method)?
                    .iter()
                    .find(|(candidate, _)| *candidate == krate)
                    .map(|(_, operation)| *operation)
            })
    }

    /// The operation a method of this name calls in some crate, for unresolved calls.
    fn any_operation(&self, method: &str) -> Option<Operation> {
        Operation::from_sdk_method(method)
            .or_else(|| self.by_method.get(method)?.first().map(|(_, op)| *op))
    }
}

/// The `.rs` files under `dir`, sorted, skipping `target` and hidden directories.
fn rust_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if entry.file_type()?.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    pending.push(path);
                }
            } else if name.ends_with(".rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Scans the Rust sources under `dir`. Only a directory that cannot be listed is an error;
/// files that cannot be read or parsed are in [`Scan::file_errors`].
pub fn scan_dir(dir: &Path) -> std::io::Result<Scan> {
    let methods = SdkMethods::new();
    let mut scan = Scan::default();
    let mut parsed = Vec::new();
    for path in rust_files(dir)? {
        scan.files += 1;
        let file = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                scan.file_errors.push(FileError {
                    location: Location {
                        file,
                        line: 0,
                        column: 0,
                    },
                    message: error.to_string(),
                });
                continue;
            }
        };
        match syn::parse_file(&text) {
            Ok(ast) => parsed.push((file, ast)),
            Err(error) => {
                let start = error.span().start();
                scan.file_errors.push(FileError {
                    location: Location {
                        file,
                        line: start.line,
                        column: start.column + 1,
                    },
                    message: error.to_string(),
                });
            }
        }
    }
    let imports: Vec<Imports> = parsed
        .iter()
        .map(|(_, ast)| Imports::of(ast, &methods))
        .collect();
    let globals = Globals::of(&parsed, &imports, &methods);
    for ((file, ast), imports) in parsed.iter().zip(&imports) {
        let mut visitor = FileVisitor {
            file,
            methods: &methods,
            imports,
            globals: &globals,
            scopes: Vec::new(),
            generics: Vec::new(),
            scan: &mut scan,
        };
        visitor.visit_file(ast);
    }
    Ok(scan)
}

/// What one file's `use` items bring in.
#[derive(Default)]
struct Imports {
    /// Local name -> crate, for `use aws_sdk_sagemaker::Client [as Name];`.
    clients: HashMap<String, &'static str>,
    /// Local name -> crate, for `use aws_sdk_sagemaker [as sm];`.
    crates: HashMap<String, &'static str>,
}

impl Imports {
    fn of(file: &syn::File, methods: &SdkMethods) -> Self {
        struct UseVisitor<'a> {
            methods: &'a SdkMethods,
            imports: Imports,
        }
        impl<'ast> Visit<'ast> for UseVisitor<'_> {
            fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
                self.tree(&mut Vec::new(), &item.tree);
            }
        }
        impl UseVisitor<'_> {
            fn tree(&mut self, prefix: &mut Vec<String>, tree: &UseTree) {
                match tree {
                    UseTree::Path(path) => {
                        prefix.push(path.ident.to_string());
                        self.tree(prefix, &path.tree);
                        prefix.pop();
                    }
                    UseTree::Name(name) => {
                        let ident = name.ident.to_string();
                        self.leaf(prefix, &ident, &ident);
                    }
                    UseTree::Rename(rename) => {
                        self.leaf(
                            prefix,
                            &rename.ident.to_string(),
                            &rename.rename.to_string(),
                        );
                    }
                    UseTree::Glob(_) => {
                        if let Some(krate) = self.client_module(prefix) {
                            self.imports.clients.insert("Client".to_owned(), krate);
                        }
                    }
                    UseTree::Group(group) => {
                        for item in &group.items {
                            self.tree(prefix, item);
                        }
                    }
                }
            }

            /// The crate whose `Client` a glob of `prefix` imports.
            fn client_module(&self, prefix: &[String]) -> Option<&'static str> {
                let krate = self.methods.crate_named(prefix.first()?)?;
                match &prefix[1..] {
                    [] => Some(krate),
                    [client] if client == "client" => Some(krate),
                    _ => None,
                }
            }

            fn leaf(&mut self, prefix: &[String], ident: &str, local: &str) {
                let mut full: Vec<&str> = prefix.iter().map(String::as_str).collect();
                if ident != "self" {
                    full.push(ident);
                }
                let local = if ident == "self" && local == "self" {
                    match full.last() {
                        Some(last) => (*last).to_owned(),
                        None => return,
                    }
                } else {
                    local.to_owned()
                };
                let Some(krate) = full.first().and_then(|f| self.methods.crate_named(f)) else {
                    return;
                };
                match &full[1..] {
                    [] => {
                        self.imports.crates.insert(local, krate);
                    }
                    ["Client"] | ["client", "Client"] => {
                        self.imports.clients.insert(local, krate);
                    }
                    _ => {}
                }
            }
        }
        let mut visitor = UseVisitor {
            methods,
            imports: Imports::default(),
        };
        visitor.visit_file(file);
        visitor.imports
    }
}

/// What the whole source tree declares: type aliases of clients, struct fields typed as
/// clients, and functions returning clients, by name.
#[derive(Default)]
struct Globals {
    aliases: HashMap<String, &'static str>,
    /// Field name -> the client crate of every struct field of that name, `None` for a field of
    /// that name that is not a client.
    fields: HashMap<String, Vec<Option<&'static str>>>,
    functions: HashMap<String, &'static str>,
}

impl Globals {
    fn of(parsed: &[(String, syn::File)], imports: &[Imports], methods: &SdkMethods) -> Self {
        let mut globals = Globals::default();
        // Twice, so that an alias of an alias declared later is found too.
        for _ in 0..2 {
            // Fields and functions are those of the last pass, when the aliases are all known.
            globals.fields.clear();
            globals.functions.clear();
            for ((_, ast), imports) in parsed.iter().zip(imports) {
                let mut collector = Collector {
                    resolver: Resolver {
                        methods,
                        imports,
                        globals: &globals,
                    },
                    aliases: Vec::new(),
                    fields: Vec::new(),
                    functions: Vec::new(),
                };
                collector.visit_file(ast);
                let Collector {
                    aliases,
                    fields,
                    functions,
                    ..
                } = collector;
                for (name, krate) in aliases {
                    globals.aliases.insert(name, krate);
                }
                for (name, krate) in functions {
                    globals.functions.insert(name, krate);
                }
                for (name, krate) in fields {
                    let kinds = globals.fields.entry(name).or_default();
                    if !kinds.contains(&krate) {
                        kinds.push(krate);
                    }
                }
            }
        }
        globals
    }

    /// The crate of a field of this name, when every field of that name is that crate's client.
    fn field(&self, name: &str) -> Option<&'static str> {
        match self.fields.get(name)?.as_slice() {
            [Some(krate)] => Some(krate),
            _ => None,
        }
    }
}

struct Collector<'a> {
    resolver: Resolver<'a>,
    aliases: Vec<(String, &'static str)>,
    fields: Vec<(String, Option<&'static str>)>,
    functions: Vec<(String, &'static str)>,
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_type(&mut self, item: &'ast syn::ItemType) {
        if let Some(krate) = self.resolver.client_type(&item.ty) {
            self.aliases.push((item.ident.to_string(), krate));
        }
    }

    fn visit_field(&mut self, field: &'ast syn::Field) {
        if let Some(ident) = &field.ident {
            self.fields
                .push((ident.to_string(), self.resolver.client_type(&field.ty)));
        }
        visit::visit_field(self, field);
    }

    fn visit_signature(&mut self, signature: &'ast syn::Signature) {
        if let syn::ReturnType::Type(_, ty) = &signature.output {
            if let Some(krate) = self.resolver.client_type(ty) {
                self.functions.push((signature.ident.to_string(), krate));
            }
        }
    }
}

/// Resolves types and paths to client crates, for one file.
struct Resolver<'a> {
    methods: &'a SdkMethods,
    imports: &'a Imports,
    globals: &'a Globals,
}

impl Resolver<'_> {
    /// The crate whose client `ty` is, looking through `&`, parentheses, `Arc`, `Rc`, `Box`.
    fn client_type(&self, ty: &Type) -> Option<&'static str> {
        match ty {
            Type::Reference(reference) => self.client_type(&reference.elem),
            Type::Paren(paren) => self.client_type(&paren.elem),
            Type::Group(group) => self.client_type(&group.elem),
            Type::Path(path) if path.qself.is_none() => {
                let last = path.path.segments.last()?;
                if matches!(last.ident.to_string().as_str(), "Arc" | "Rc" | "Box") {
                    if let syn::PathArguments::AngleBracketed(arguments) = &last.arguments {
                        if let [syn::GenericArgument::Type(inner)] =
                            arguments.args.iter().collect::<Vec<_>>().as_slice()
                        {
                            return self.client_type(inner);
                        }
                    }
                    return None;
                }
                self.client_path(&path.path)
            }
            _ => None,
        }
    }

    /// The crate whose client type a path names.
    fn client_path(&self, path: &syn::Path) -> Option<&'static str> {
        let segments: Vec<String> = path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect();
        self.client_segments(&segments)
    }

    /// The crate whose client type a path of these segments names.
    fn client_segments(&self, segments: &[String]) -> Option<&'static str> {
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segments.as_slice() {
            [name] => self
                .imports
                .clients
                .get(*name)
                .or_else(|| self.globals.aliases.get(*name))
                .copied(),
            [first, rest @ ..] => {
                let krate = self
                    .methods
                    .crate_named(first)
                    .or_else(|| self.imports.crates.get(*first).copied());
                match (krate, rest) {
                    (Some(krate), ["Client"] | ["client", "Client"]) => Some(krate),
                    // `crate::deploy::SageMakerClient`: an alias reached by its path.
                    (None, _) => self.globals.aliases.get(*rest.last()?).copied(),
                    _ => None,
                }
            }
            [] => None,
        }
    }
}

/// What a name is bound to, as far as the scan knows.
#[derive(Debug, Clone)]
enum Binding {
    /// A client of this crate.
    Client(&'static str),
    /// A value of this generic type parameter (or `impl Trait`).
    Generic(String),
    /// Anything else.
    Other,
}

struct FileVisitor<'a> {
    file: &'a str,
    methods: &'a SdkMethods,
    imports: &'a Imports,
    globals: &'a Globals,
    scopes: Vec<HashMap<String, Binding>>,
    /// The generic type parameters in scope.
    generics: Vec<HashSet<String>>,
    scan: &'a mut Scan,
}

impl FileVisitor<'_> {
    fn resolver(&self) -> Resolver<'_> {
        Resolver {
            methods: self.methods,
            imports: self.imports,
            globals: self.globals,
        }
    }

    fn location(&self, span: proc_macro2::Span) -> Location {
        let start = span.start();
        Location {
            file: self.file.to_owned(),
            line: start.line,
            column: start.column + 1,
        }
    }

    fn is_generic(&self, name: &str) -> bool {
        self.generics.iter().any(|names| names.contains(name))
    }

    /// The binding a value of type `ty` gets.
    fn binding_of_type(&self, ty: &Type) -> Binding {
        if let Some(krate) = self.resolver().client_type(ty) {
            return Binding::Client(krate);
        }
        match ty {
            Type::Reference(reference) => self.binding_of_type(&reference.elem),
            Type::Paren(paren) => self.binding_of_type(&paren.elem),
            Type::ImplTrait(_) => Binding::Generic("impl Trait".to_owned()),
            Type::Path(path) if path.qself.is_none() && path.path.segments.len() == 1 => {
                let name = path.path.segments[0].ident.to_string();
                if self.is_generic(&name) {
                    Binding::Generic(name)
                } else {
                    Binding::Other
                }
            }
            _ => Binding::Other,
        }
    }

    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name))
    }

    /// What an expression is, looking through references, parentheses, `*`, `.clone()`,
    /// `.await`, `?` and `.unwrap()`.
    fn binding_of_expr(&self, expr: &Expr) -> Binding {
        match expr {
            Expr::Paren(inner) => self.binding_of_expr(&inner.expr),
            Expr::Group(inner) => self.binding_of_expr(&inner.expr),
            Expr::Reference(inner) => self.binding_of_expr(&inner.expr),
            Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Deref(_)) => {
                self.binding_of_expr(&unary.expr)
            }
            Expr::Await(inner) => self.binding_of_expr(&inner.base),
            Expr::Try(inner) => self.binding_of_expr(&inner.expr),
            Expr::MethodCall(call)
                if matches!(
                    call.method.to_string().as_str(),
                    "clone" | "as_ref" | "borrow" | "deref" | "to_owned" | "unwrap" | "expect"
                ) =>
            {
                self.binding_of_expr(&call.receiver)
            }
            Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
                Some(ident) => self
                    .lookup(&ident.to_string())
                    .cloned()
                    .unwrap_or(Binding::Other),
                None => Binding::Other,
            },
            Expr::Field(field) => match &field.member {
                syn::Member::Named(name) => self
                    .globals
                    .field(&name.to_string())
                    .map_or(Binding::Other, Binding::Client),
                syn::Member::Unnamed(_) => Binding::Other,
            },
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Path(path) if path.qself.is_none() => {
                    let segments = &path.path.segments;
                    let Some(last) = segments.last() else {
                        return Binding::Other;
                    };
                    let name = last.ident.to_string();
                    if segments.len() >= 2 && matches!(name.as_str(), "new" | "from_conf") {
                        let type_path: Vec<String> = segments
                            .iter()
                            .take(segments.len() - 1)
                            .map(|segment| segment.ident.to_string())
                            .collect();
                        if let Some(krate) = self.resolver().client_segments(&type_path) {
                            return Binding::Client(krate);
                        }
                    }
                    self.globals
                        .functions
                        .get(&name)
                        .map_or(Binding::Other, |krate| Binding::Client(krate))
                }
                _ => Binding::Other,
            },
            _ => Binding::Other,
        }
    }

    /// Binds every name a pattern introduces: to `binding` for a plain name, to
    /// [`Binding::Other`] inside tuples, structs and the like.
    fn bind(&mut self, pat: &Pat, binding: Binding) {
        match pat {
            Pat::Ident(ident) if ident.subpat.is_none() => {
                if let Some(scope) = self.scopes.last_mut() {
                    scope.insert(ident.ident.to_string(), binding);
                }
            }
            Pat::Type(typed) => {
                let binding = self.binding_of_type(&typed.ty);
                self.bind(&typed.pat, binding);
            }
            Pat::Reference(reference) => self.bind(&reference.pat, binding),
            Pat::Paren(paren) => self.bind(&paren.pat, binding),
            other => {
                let mut names = PatNames(Vec::new());
                names.visit_pat(other);
                if let Some(scope) = self.scopes.last_mut() {
                    for name in names.0 {
                        scope.insert(name, Binding::Other);
                    }
                }
            }
        }
    }

    fn push_generics(&mut self, generics: &syn::Generics) {
        self.generics.push(
            generics
                .params
                .iter()
                .filter_map(|param| match param {
                    GenericParam::Type(param) => Some(param.ident.to_string()),
                    _ => None,
                })
                .collect(),
        );
    }

    /// A function: its generics and parameters in a new scope, then its body.
    fn function(&mut self, signature: &syn::Signature, body: &syn::Block) {
        self.push_generics(&signature.generics);
        self.scopes.push(HashMap::new());
        for input in &signature.inputs {
            if let FnArg::Typed(typed) = input {
                let binding = self.binding_of_type(&typed.ty);
                self.bind(&typed.pat, binding);
            }
        }
        self.visit_block(body);
        self.scopes.pop();
        self.generics.pop();
    }

    fn candidate(&mut self, method: &proc_macro2::Ident, receiver: Binding, receiver_text: &str) {
        let name = method.to_string();
        let Some(any) = self.methods.any_operation(&name) else {
            return;
        };
        let location = self.location(method.span());
        let reason = match receiver {
            Binding::Client(krate) => match self.methods.operation(krate, &name) {
                Some(operation) => {
                    self.scan.calls.push(Call {
                        operation,
                        location,
                    });
                    return;
                }
                None => format!("the receiver `{receiver_text}` is a {krate}::Client, which has no method {name}"),
            },
            Binding::Generic(ty) => {
                format!("the receiver `{receiver_text}` has the generic type `{ty}`")
            }
            Binding::Other => {
                format!("the receiver `{receiver_text}` is not known to be a SageMaker client")
            }
        };
        self.scan.unresolved.push(Unresolved {
            operation: any,
            method: name,
            location,
            reason,
        });
    }

    /// Method calls named like SDK methods in a macro's tokens: `.name(`.
    fn macro_tokens(&mut self, tokens: proc_macro2::TokenStream, macro_name: &str) {
        let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
        for (index, token) in tokens.iter().enumerate() {
            match token {
                proc_macro2::TokenTree::Group(group) => {
                    self.macro_tokens(group.stream(), macro_name);
                }
                proc_macro2::TokenTree::Ident(ident) => {
                    let after_dot = index > 0
                        && matches!(&tokens[index - 1], proc_macro2::TokenTree::Punct(p) if p.as_char() == '.');
                    let before_call = matches!(
                        tokens.get(index + 1),
                        Some(proc_macro2::TokenTree::Group(group))
                            if group.delimiter() == proc_macro2::Delimiter::Parenthesis
                    );
                    let name = ident.to_string();
                    if after_dot && before_call {
                        if let Some(operation) = self.methods.any_operation(&name) {
                            let location = self.location(ident.span());
                            self.scan.unresolved.push(Unresolved {
                                operation,
                                method: name,
                                location,
                                reason: format!(
                                    "inside the macro `{macro_name}`, whose arguments are tokens, not parsed code"
                                ),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// The names a pattern binds.
struct PatNames(Vec<String>);

impl<'ast> Visit<'ast> for PatNames {
    fn visit_pat_ident(&mut self, ident: &'ast syn::PatIdent) {
        self.0.push(ident.ident.to_string());
        visit::visit_pat_ident(self, ident);
    }
}

impl<'ast> Visit<'ast> for FileVisitor<'_> {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.function(&item.sig, &item.block);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.function(&item.sig, &item.block);
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(body) = &item.default {
            self.function(&item.sig, body);
        }
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        self.push_generics(&item.generics);
        visit::visit_item_impl(self, item);
        self.generics.pop();
    }

    fn visit_item_trait(&mut self, item: &'ast syn::ItemTrait) {
        self.push_generics(&item.generics);
        visit::visit_item_trait(self, item);
        self.generics.pop();
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.scopes.push(HashMap::new());
        visit::visit_block(self, block);
        self.scopes.pop();
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        let binding = match &local.init {
            Some(init) => self.binding_of_expr(&init.expr),
            None => Binding::Other,
        };
        self.bind(&local.pat, binding);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        self.scopes.push(HashMap::new());
        for input in &closure.inputs {
            self.bind(input, Binding::Other);
        }
        self.visit_expr(&closure.body);
        self.scopes.pop();
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if self
            .methods
            .by_method
            .contains_key(call.method.to_string().as_str())
        {
            let receiver = self.binding_of_expr(&call.receiver);
            let text = expr_text(&call.receiver);
            self.candidate(&call.method, receiver, &text);
        }
        visit::visit_expr_method_call(self, call);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac
            .path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect::<Vec<_>>()
            .join("::");
        self.macro_tokens(mac.tokens.clone(), &format!("{name}!"));
    }
}

/// A short text of a receiver for messages: `client`, `self.sm`, `make()`.
fn expr_text(expr: &Expr) -> String {
    match expr {
        Expr::Path(path) => path
            .path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect::<Vec<_>>()
            .join("::"),
        Expr::Field(field) => {
            let member = match &field.member {
                syn::Member::Named(name) => name.to_string(),
                syn::Member::Unnamed(index) => index.index.to_string(),
            };
            format!("{}.{member}", expr_text(&field.base))
        }
        Expr::Reference(reference) => format!("&{}", expr_text(&reference.expr)),
        Expr::Paren(paren) => format!("({})", expr_text(&paren.expr)),
        Expr::MethodCall(call) => format!("{}.{}()", expr_text(&call.receiver), call.method),
        Expr::Call(call) => format!("{}(..)", expr_text(&call.func)),
        Expr::Await(inner) => format!("{}.await", expr_text(&inner.base)),
        Expr::Try(inner) => format!("{}?", expr_text(&inner.expr)),
        _ => "..".to_owned(),
    }
}

/// Calls grouped by operation, in the order each operation was first called.
pub fn calls_by_operation(calls: &[Call]) -> Vec<(Operation, Vec<Location>)> {
    let mut order: Vec<Operation> = Vec::new();
    let mut locations: BTreeMap<usize, Vec<Location>> = BTreeMap::new();
    for call in calls {
        if !order.contains(&call.operation) {
            order.push(call.operation);
        }
        locations
            .entry(call.operation as usize)
            .or_default()
            .push(call.location.clone());
    }
    order
        .into_iter()
        .map(|operation| {
            let at = locations.remove(&(operation as usize)).unwrap_or_default();
            (operation, at)
        })
        .collect()
}
