#!/usr/bin/env bash
# Builds the server package from the server's runnable jar and its libraries (Maven runs this in
# the package phase; see pom.xml):
#   keukentafel-server_VERSION_all.deb  for Debian and Ubuntu (dpkg-deb, no root needed)
#   keukentafel-server-VERSION.tar.gz   the same files for other hosts
# Usage: build-package.sh MAVEN_VERSION SERVER_JAR LIB_DIR EXAMPLE_CONFIG OPERATIONS_DOC OUT_DIR
set -euo pipefail

maven_version=$1 server_jar=$2 lib_dir=$3 example_config=$4 operations_doc=$5 out=$6
here=$(cd "$(dirname "$0")" && pwd)
package=$here/src/main/package
# Debian orders 0.2.0~SNAPSHOT before 0.2.0, as Maven does.
deb_version=${maven_version//-/\~}
stage=$out/stage
rm -rf "$stage"
mkdir -p "$stage"

# The files as installed, under a root folder ($1): the server, its service files and settings.
stage_tree() {
    local root=$1 opt=$1/opt/keukentafel-server
    install -d -m 0755 "$opt/bin" "$opt/lib" "$root/lib/systemd/system" "$root/etc/keukentafel" "$root/etc/default" \
        "$root/usr/bin" "$root/usr/share/doc/keukentafel-server"
    install -m 0644 "$server_jar" "$opt/keukentafel-server.jar"
    install -m 0644 "$lib_dir"/*.jar "$opt/lib/"
    install -m 0755 "$package/bin/keukentafel-server" "$opt/bin/keukentafel-server"
    ln -s ../../opt/keukentafel-server/bin/keukentafel-server "$root/usr/bin/keukentafel-server"
    install -m 0644 "$package"/systemd/*.service "$package"/systemd/*.timer "$root/lib/systemd/system/"
    # The packaged settings: the example, with the data folder the service uses.
    sed 's|^#data.dir = /var/lib/keukentafel-server$|data.dir = /var/lib/keukentafel-server|' "$example_config" \
        > "$root/etc/keukentafel/server.properties"
    chmod 0640 "$root/etc/keukentafel/server.properties"
    grep -q '^data.dir = /var/lib/keukentafel-server$' "$root/etc/keukentafel/server.properties"
    install -m 0640 "$package/default/keukentafel-server" "$root/etc/default/keukentafel-server"
    install -m 0644 "$example_config" "$root/usr/share/doc/keukentafel-server/keukentafel-server.example.properties"
    install -m 0644 "$operations_doc" "$root/usr/share/doc/keukentafel-server/operations.md"
}

# --- .deb -----------------------------------------------------------------------------------
deb_root=$stage/deb
stage_tree "$deb_root"
install -d -m 0755 "$deb_root/DEBIAN"
install -m 0644 "$package/debian/conffiles" "$deb_root/DEBIAN/conffiles"
install -m 0755 "$package/debian/postinst" "$package/debian/prerm" "$package/debian/postrm" "$deb_root/DEBIAN/"
installed_size=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
sed -e "s/@DEB_VERSION@/$deb_version/" -e "s/@INSTALLED_SIZE@/$installed_size/" "$package/debian/control" \
    > "$deb_root/DEBIAN/control"
deb=$out/keukentafel-server_${deb_version}_all.deb
rm -f "$out"/keukentafel-server_*_all.deb
if command -v dpkg-deb >/dev/null 2>&1; then
    dpkg-deb --root-owner-group -Zxz --build "$deb_root" "$deb" >/dev/null
    echo "Built $deb"
else
    echo "dpkg-deb not found: no .deb built (the tar.gz is)" >&2
fi

# --- tar.gz ---------------------------------------------------------------------------------
name=keukentafel-server-$maven_version
tar_root=$stage/tar/$name
install -d -m 0755 "$tar_root/bin" "$tar_root/lib" "$tar_root/systemd"
install -m 0644 "$server_jar" "$tar_root/keukentafel-server.jar"
install -m 0644 "$lib_dir"/*.jar "$tar_root/lib/"
install -m 0755 "$package/bin/keukentafel-server" "$tar_root/bin/keukentafel-server"
install -m 0644 "$package"/systemd/*.service "$package"/systemd/*.timer "$tar_root/systemd/"
install -m 0644 "$package/default/keukentafel-server" "$tar_root/systemd/keukentafel-server.environment"
install -m 0644 "$example_config" "$tar_root/keukentafel-server.example.properties"
install -m 0644 "$operations_doc" "$tar_root/operations.md"
tar --owner=0 --group=0 --numeric-owner --sort=name -C "$stage/tar" -czf "$out/$name.tar.gz" "$name"
echo "Built $out/$name.tar.gz"
