#include "policy.h"
void lgpo_to_ops(struct source *src, enum reg_root default_root, struct arena *arena,
                 struct diag_list *diags, struct policy_ops *out)
{ (void)src; (void)default_root; (void)arena; (void)diags; (void)out; }
void inf_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out)
{ (void)src; (void)arena; (void)diags; (void)out; }
void gpp_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out)
{ (void)src; (void)arena; (void)diags; (void)out; }
